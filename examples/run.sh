#!/bin/sh
# make examples: runs every examples/*.sql (except the data file articles.sql)
# against a fresh database built from articles.sql, with the extension loaded.
# An example passes when the CLI exits 0 and prints no error; when
# examples/NAME.expected exists the output must also match it.
# Usage: sh examples/run.sh dist/conflict.so   (SQLITE3 may wrap the CLI, e.g. valgrind)
ext=${1:-dist/conflict.so}
here=$(cd "$(dirname "$0")" && pwd)
sqlite=${SQLITE3:-sqlite3}
extabs=$(cd "$(dirname "$ext")" && pwd)/$(basename "${ext%.so}")
tmp=${TMPDIR:-/tmp}/conflict-examples.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$here"/*.sql; do
  name=$(basename "$f" .sql)
  [ "$name" = articles ] && continue
  db="$tmp/$name.db"
  rm -f "$db"
  sqlite3 "$db" < "$here/articles.sql" || { echo "FAIL $name (cannot build articles db)"; fail=$((fail+1)); continue; }
  out=$($sqlite -batch -cmd ".load $extabs" "$db" < "$f" 2>&1); rc=$?
  bad=$(printf '%s\n' "$out" | grep -E '^(Error|Runtime error|Parse error)|==[0-9]+==|runtime error:|LeakSanitizer' | head -n 5)
  if [ $rc -ne 0 ] || [ -n "$bad" ]; then
    fail=$((fail+1)); echo "FAIL $name (exit $rc)"; printf '%s\n' "${bad:-$(printf '%s\n' "$out" | tail -n 5)}"
  elif [ -f "$here/$name.expected" ] && ! printf '%s\n' "$out" | diff -u "$here/$name.expected" - > "$tmp/diff"; then
    fail=$((fail+1)); echo "FAIL $name"; head -n 40 "$tmp/diff"
  else
    pass=$((pass+1)); echo "ok   $name"
  fi
done
# the same workflow in the shell, Python, Node and C (examples/workflow/run.sh)
wf=$(SQLITE3="$sqlite" sh "$here/workflow/run.sh" "$ext" 2>&1)
printf '%s\n' "$wf" | grep -vE '^workflow: [0-9]+ passed, [0-9]+ failed$'
line=$(printf '%s\n' "$wf" | grep -E '^workflow: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
if [ -n "$line" ]; then
  p=${line#workflow: }; p=${p%% passed*}; f=${line#*passed, }; f=${f%% failed*}
  pass=$((pass+p)); fail=$((fail+f))
else
  fail=$((fail+1)); echo "FAIL workflow (no result line)"
fi
echo "examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
