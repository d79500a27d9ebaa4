# Exit codes and the fatal-exception report match Node's.
. "$(dirname "$0")/lib.sh"

# An uncaught exception: source line, caret, stack, exit 1.
printf 'let a = 1;\n  foo.bar(1, 2);\n' > "$TMP/throw.js"
out=$("$NODUS" "$TMP/throw.js" 2>&1); rc=$?
expect_eq "$rc" "1" "uncaught exception exit code"
expect_eq "$(echo "$out" | head -3)" "$TMP/throw.js:2
  foo.bar(1, 2);
  ^" "source arrow"
expect_contains "$out" "ReferenceError: foo is not defined
    at Object.<anonymous> ($TMP/throw.js:2:3)" "stack with exact position"
expect_contains "$out" "Node.js v18.20.4" "version footer"

# A SyntaxError shows file:line.
printf '\nconst x = ;\n' > "$TMP/syntax.js"
out=$("$NODUS" "$TMP/syntax.js" 2>&1); rc=$?
expect_eq "$rc" "1" "syntax error exit code"
expect_eq "$(echo "$out" | head -3)" "$TMP/syntax.js:2
const x = ;
          ^" "syntax error arrow"

# Non-error values thrown.
out=$("$NODUS" -e 'throw "abc"' 2>&1); rc=$?
expect_eq "$rc" "1" "thrown string exit code"
expect_contains "$out" "abc
(Use \`node --trace-uncaught ...\` to show where the exception was thrown)" \
  "thrown string report"

# Unhandled rejections: exit 1 by default (throw mode), per the flag else.
out=$("$NODUS" -e 'Promise.reject(3)' 2>&1); rc=$?
expect_eq "$rc" "1" "unhandled rejection exit code"
expect_contains "$out" "code: 'ERR_UNHANDLED_REJECTION'" "rejection report"
"$NODUS" --unhandled-rejections=warn -e 'Promise.reject(3)' 2>/dev/null
expect_eq "$?" "0" "--unhandled-rejections=warn"
"$NODUS" --unhandled-rejections=none -e 'Promise.reject(3)' 2>/dev/null
expect_eq "$?" "0" "--unhandled-rejections=none"
"$NODUS" --unhandled-rejections=strict -e \
  'process.on("unhandledRejection", () => {}); Promise.reject(3)' 2>/dev/null
expect_eq "$?" "1" "--unhandled-rejections=strict"
"$NODUS" -e 'process.on("unhandledRejection", () => {}); Promise.reject(3)'
expect_eq "$?" "0" "handled unhandledRejection"

# process.exitCode, process.exit(), and the 'exit' event.
"$NODUS" -e 'process.exitCode = 3'
expect_eq "$?" "3" "process.exitCode"
out=$("$NODUS" -e 'process.on("exit", (c) => console.log("exit", c));
  process.exit(5); console.log("not here")'); rc=$?
expect_eq "$rc" "5" "process.exit(5)"
expect_eq "$out" "exit 5" "'exit' event before exiting"

# An uncaughtException handler keeps the process alive ...
out=$("$NODUS" -e 'process.on("uncaughtException", (e) =>
  console.log("caught", e.message)); setTimeout(() => console.log("later"), 1);
  throw new Error("x")'); rc=$?
expect_eq "$rc" "0" "handled uncaught exception exit code"
expect_eq "$out" "caught x
later" "handler ran, then the loop went on"
# ... and exit code 7 when the handler itself throws.
"$NODUS" -e 'process.on("uncaughtException", () => { throw new Error("2") });
  throw new Error("1")' 2>/dev/null
expect_eq "$?" "7" "throwing uncaughtException handler"

# beforeExit may schedule more work; it is emitted again afterwards.
out=$("$NODUS" -e 'let n = 0; process.on("beforeExit", () => {
  if (n++ < 2) setTimeout(() => console.log("more", n), 1); });')
expect_eq "$out" "more 1
more 2" "beforeExit"
exit 0
