# -e, -p, stdin, shebang scripts, --, bad options, --version, -c, -r and
# NODE_OPTIONS behave as Node's CLI does.
. "$(dirname "$0")/lib.sh"

expect_eq "$("$NODUS" -e 'console.log(1+1)')" "2" "-e"
expect_eq "$("$NODUS" -p process.version)" "v18.20.4" "-p process.version"
expect_eq "$("$NODUS" -p '[1, "a"]')" "[ 1, 'a' ]" "-p inspects its result"
expect_eq "$(echo 'console.log(42)' | "$NODUS" -)" "42" "script on stdin with -"
expect_eq "$(echo 'console.log(43)' | "$NODUS")" "43" "script on piped stdin"
expect_eq "$("$NODUS" -e 'console.log(process.argv.slice(1).join())' a b)" \
  "a,b" "-e arguments"
expect_eq "$("$NODUS" -e 'console.log(typeof path.join)')" "function" \
  "builtin modules are globals in -e"

# A shebang script runs directly, found through PATH as 'nodus'.
mkdir -p "$TMP/bin"
ln -s "$NODUS" "$TMP/bin/nodus"
printf '#!/usr/bin/env nodus\nconsole.log("shebang", process.argv[2])\n' \
  > "$TMP/s.js"
chmod +x "$TMP/s.js"
expect_eq "$(PATH="$TMP/bin:$PATH" "$TMP/s.js" x)" "shebang x" "shebang"

# -- ends the options: what follows is the script and its arguments.
printf 'console.log(process.argv.slice(2).join(" "))\n' > "$TMP/args.js"
expect_eq "$("$NODUS" -- "$TMP/args.js" --version -e)" "--version -e" "--"

# Unknown options: Node's message and exit code 9.
out=$("$NODUS" --no-such-option -e 1 2>&1); rc=$?
expect_eq "$rc" "9" "bad option exit code"
expect_eq "$out" "$NODUS: bad option: --no-such-option" "bad option message"

# V8 flags pass through.
expect_eq "$("$NODUS" --expose-gc -e 'console.log(typeof gc)')" "function" \
  "--expose-gc"
expect_eq "$("$NODUS" --stack-trace-limit=1 -e \
  'console.log(new Error().stack.split("\n").length)')" "2" \
  "--stack-trace-limit"

expect_eq "$("$NODUS" --version)" "v18.20.4" "--version"
expect_contains "$("$NODUS" -h)" "Usage: nodus" "-h"

# -c checks syntax without running.
printf 'console.log("ran")\n' > "$TMP/ok.js"
expect_eq "$("$NODUS" -c "$TMP/ok.js")" "" "-c does not run the script"
printf 'let x = ;\n' > "$TMP/bad.js"
out=$("$NODUS" -c "$TMP/bad.js" 2>&1); rc=$?
expect_eq "$rc" "1" "-c on a syntax error"
expect_contains "$out" "$TMP/bad.js:1" "-c shows file:line"
expect_contains "$out" "SyntaxError" "-c shows the SyntaxError"

# -r preloads, also through NODE_OPTIONS.
printf 'globalThis.preloaded = "yes"\n' > "$TMP/pre.js"
expect_eq "$("$NODUS" -r "$TMP/pre.js" -e 'console.log(preloaded)')" "yes" "-r"
expect_eq "$(NODE_OPTIONS="--require $TMP/pre.js" "$NODUS" -e \
  'console.log(preloaded)')" "yes" "NODE_OPTIONS"
exit 0
