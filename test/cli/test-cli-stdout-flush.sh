# Output written before process.exit() is never lost, even to a pipe.
. "$(dirname "$0")/lib.sh"

n=$("$NODUS" -e 'process.stdout.write("x".repeat(1<<20)); process.exit(0)' | wc -c)
expect_eq "$n" "1048576" "1 MiB to a pipe then process.exit()"
n=$("$NODUS" -e 'for (let i = 0; i < 10000; i++) console.log("line " + i);
  process.exit(0)' | wc -l)
expect_eq "$n" "10000" "many console.log lines then process.exit()"
n=$("$NODUS" -e 'process.stderr.write("e".repeat(1<<18)); process.exit(0)' \
  2>&1 >/dev/null | wc -c)
expect_eq "$n" "262144" "stderr to a pipe"
"$NODUS" -e 'process.stdout.write("y".repeat(1<<20)); process.exit(0)' \
  > "$TMP/out.txt"
expect_eq "$(wc -c < "$TMP/out.txt")" "1048576" "to a file"
exit 0
