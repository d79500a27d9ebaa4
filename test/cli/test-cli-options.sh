# Option parsing and NODE_OPTIONS match Node 18.20.4 (expected values taken
# from the reference node).
. "$(dirname "$0")/lib.sh"

printf 'console.log(JSON.stringify(process.execArgv));\n' > "$TMP/ea.js"

# "--" ends the options and is not part of process.execArgv.
out=$("$NODUS" --no-warnings -- "$TMP/ea.js" a 2>&1)
expect_eq "$out" '["--no-warnings"]' "execArgv without --"
out=$("$NODUS" -- "$TMP/ea.js" 2>&1)
expect_eq "$out" '[]' "execArgv of a lone --"

# Messages name the binary as it was invoked.
out=$("$NODUS" --foo 2>&1); rc=$?
expect_eq "$rc" "9" "bad option exit code"
expect_eq "$out" "$NODUS: bad option: --foo" "bad option message"
out=$("$NODUS" --no-title 2>&1); rc=$?
expect_eq "$rc" "9" "invalid negation exit code"
expect_eq "$out" "$NODUS: --no-title is an invalid negation because it is \
not a boolean option" "invalid negation message"
out=$("$NODUS" --eval= 2>&1); rc=$?
expect_eq "$out:$rc" "$NODUS: --eval= requires an argument:9" "--eval="
out=$("$NODUS" -c -e foo 2>&1); rc=$?
expect_eq "$out:$rc" \
  "$NODUS: either --check or --eval can be used, not both:9" "-c with -e"

# A boolean ignores a value; "\-" starts a value, not an option.
out=$("$NODUS" --no-warnings=false -e 'process.emitWarning("x")' 2>&1)
expect_eq "$out" "" "--no-warnings=false still silences"
expect_eq "$("$NODUS" -p '\-42')" "-42" "escaped dash"

# NODE_OPTIONS: quoting, forbidden options, V8 options.
printf 'console.log("A")\n' > "$TMP/print A.js"
out=$(NODE_OPTIONS="-r \"$TMP/print A.js\"" "$NODUS" -e 'console.log("B")')
expect_eq "$out" "A
B" "quoted -r path with a space"
out=$(NODE_OPTIONS='--title="a\"b"' "$NODUS" -p process.title)
expect_eq "$out" 'a"b' "backslash inside quotes"
out=$(NODE_OPTIONS="--title=a	b" "$NODUS" -p process.title)
expect_eq "$out" "a	b" "only spaces separate"
out=$(NODE_OPTIONS='--stack-trace-limit=1 --max-old-space-size=100' \
  "$NODUS" -e 'console.log("B")' 2>&1)
expect_eq "$out" "B" "allowed V8 options"
out=$(NODE_OPTIONS='foo --eval 1' "$NODUS" -e 'console.log(2)' 2>&1)
expect_eq "$out" "2" "an operand ends NODE_OPTIONS"
out=$(NODE_OPTIONS='--trace-event-file-pattern {pid}-${rotation}.log' \
  "$NODUS" -e 'console.log("B")' 2>&1)
expect_eq "$out" "B" "file pattern value"
for opt in --eval -e -pe --check --expose_internals --test -- --v8-options \
           --expose-gc --foo --no-foo; do
  out=$(NODE_OPTIONS="$opt" "$NODUS" -e 1 2>&1); rc=$?
  expect_eq "$out:$rc" "$NODUS: $opt is not allowed in NODE_OPTIONS:9" \
    "NODE_OPTIONS=$opt"
done
out=$(NODE_OPTIONS='--stack-size=99' "$NODUS" -e 1 2>&1); rc=$?
expect_eq "$out:$rc" "$NODUS: --stack-size= is not allowed in NODE_OPTIONS:9" \
  "V8 option with a value"
out=$(NODE_OPTIONS='--title="a b' "$NODUS" -e 1 2>&1); rc=$?
expect_eq "$out:$rc" \
  "$NODUS: invalid value for NODE_OPTIONS (unterminated string):9" \
  "unterminated string"
out=$(NODE_OPTIONS='-r' "$NODUS" -e 1 2>&1); rc=$?
expect_eq "$out:$rc" "$NODUS: -r requires an argument:9" "-r without value"

# Values Node checks.
out=$("$NODUS" --disable-proto=foo -e 1 2>&1); rc=$?
expect_eq "$out:$rc" "$NODUS: invalid mode passed to --disable-proto:12" \
  "--disable-proto mode"
out=$("$NODUS" --secure-heap=3 -e 1 2>&1); rc=$?
expect_eq "$out:$rc" "$NODUS: --secure-heap must be a power of 2:9" \
  "--secure-heap"

# --trace-exit: process.exit() reports itself, a natural end does not.
out=$("$NODUS" --trace-exit -e 'process.exit(3)' 2>&1); rc=$?
expect_eq "$rc" "3" "--trace-exit keeps the code"
expect_eq "${out%%:*}" "(node" "--trace-exit prefix"
expect_contains "$out" ") WARNING: Exited the environment with code 3
    at " "--trace-exit message"
out=$("$NODUS" --trace-exit -e 'process.exitCode = 2' 2>&1); rc=$?
expect_eq "$out:$rc" ":2" "--trace-exit without process.exit()"

# process._fatalException replaced: the error is reported, exit code 6.
out=$("$NODUS" -e 'process._fatalException = undefined; throw new Error("ok")' \
  2>&1); rc=$?
expect_eq "$rc" "6" "undefined _fatalException exit code"
expect_contains "$out" "Error: ok" "undefined _fatalException report"
printf 'process._fatalException = 1;\nthrow 42;\n' > "$TMP/t42.js"
out=$("$NODUS" "$TMP/t42.js" 2>&1); rc=$?
expect_eq "$rc" "6" "thrown primitive exit code"
expect_eq "$(echo "$out" | head -4)" "
$TMP/t42.js:2
throw 42;
^" "blank line before a primitive's arrow"
