#!/bin/sh
# Runs each sql-tests/NN_name.sql through the sqlite3 CLI with the extension
# loaded and diffs the output with NN_name.expected. UPDATE=1 rewrites them.
# Usage: sh sql-tests/run.sh dist/conflict.so
ext=${1:-dist/conflict.so}
dir=$(dirname "$0")
sqlite=${SQLITE3:-sqlite3}
pass=0 fail=0
# a failed .load aborts the run
if ! $sqlite -batch :memory: ".load ${ext%.so}" "select 1;" >/dev/null 2>&1; then
  echo "cannot load $ext"; echo "0 passed, 1 failed"; exit 1
fi
for f in "$dir"/[0-9]*.sql; do
  name=$(basename "$f" .sql)
  exp="$dir/$name.expected"
  # line numbers in error messages would churn the golden files
  got=$(cd "$dir" && $sqlite -batch -cmd ".load $(cd - >/dev/null; cd "$(dirname "$ext")"; pwd)/$(basename "${ext%.so}")" :memory: < "$name.sql" 2>&1 |
        sed -E 's/^(Runtime|Parse) error near line [0-9]+:/ERROR:/; s/^Error: near line [0-9]+:/ERROR:/; s/^Error: stepping, /ERROR: /')
  if [ -n "$UPDATE" ]; then
    printf '%s\n' "$got" > "$exp"; echo "updated $name"; pass=$((pass+1)); continue
  fi
  if [ -f "$exp" ] && printf '%s\n' "$got" | diff -u "$exp" - > /tmp/conflict-sqltest.$$; then
    pass=$((pass+1)); echo "ok   $name"
  else
    fail=$((fail+1)); echo "FAIL $name"; [ -f "$exp" ] && head -n 40 /tmp/conflict-sqltest.$$ || echo "  (no $exp)"
  fi
done
rm -f /tmp/conflict-sqltest.$$
echo "sql: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
