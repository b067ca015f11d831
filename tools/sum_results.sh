#!/bin/sh
# Sums the last "[label: ]N passed, N failed" line of each test log given as
# argument and prints one total line "N passed, N failed". A log without such
# a line (a crash, a build failure) counts as one failure. Exits non-zero on
# any failure.
pass=0 fail=0
for log in "$@"; do
  line=$(grep -E '^([A-Za-z0-9_-]+: )?[0-9]+ passed, [0-9]+ failed$' "$log" 2>/dev/null | tail -n 1)
  if [ -z "$line" ]; then
    fail=$((fail + 1)); echo "no result line in $log"; continue
  fi
  p=$(printf '%s\n' "$line" | sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed$/\2/')
  f=$(printf '%s\n' "$line" | sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed$/\3/')
  pass=$((pass + p)); fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
