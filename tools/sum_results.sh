#!/bin/sh
# Sums the "N passed, N failed" lines of the test logs given as arguments.
pass=0 fail=0
for log in "$@"; do
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then fail=$((fail+1)); echo "no result line in $log"; continue; fi
  p=$(echo "$line" | sed -E 's/.*([0-9]+)? ?/&/; s/^[^0-9]*([0-9]+) passed, ([0-9]+) failed.*/\1/')
  f=$(echo "$line" | sed -E 's/^[^0-9]*([0-9]+) passed, ([0-9]+) failed.*/\2/')
  pass=$((pass+p)); fail=$((fail+f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
