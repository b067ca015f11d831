#!/bin/sh
# make fuzz: runs each libFuzzer target for FUZZ_SECONDS (default 30), FUZZ_JOBS
# at a time (default 1). Seeds: ext/fuzz/corpus/<target>/ (read only); new
# inputs go to <bindir>/corpus/<target>/, crashes to <bindir>/crash-<target>-*.
# Prints executions per target and in total; exits non-zero on any finding.
# FUZZ_MAX_LEN overrides the per-target input cap below.
# Usage: sh tools/fuzz.sh <bindir> fuzz_normalize fuzz_extract ...
bindir=$1; shift
secs=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-1}
src=$(dirname "$0")/../ext/fuzz
# Longest input per target (FUZZ_MAX_LEN overrides). Every extractor works
# sentence by sentence, so a few KB reach every path, and the cost of one
# execution grows with its length: the SQL harness runs every function on each
# input, and its binding paths do not depend on length (the length limits are
# tested by lowering SQLITE_LIMIT_LENGTH), so it gets the shortest cap.
max_len_of() {
  case $1 in
    fuzz_sql) echo 1024 ;;
    fuzz_fts) echo 2048 ;;
    fuzz_extract|fuzz_normalize) echo 4096 ;;
    *) echo 8192 ;;
  esac
}
# A smaller ASan quarantine than the 256 MB default: freed memory is reused
# sooner, so executions touch fewer fresh pages (faster, a quarter of the RSS);
# a use after free within one execution is still caught.
: "${ASAN_OPTIONS:=quarantine_size_mb=32}"
export ASAN_OPTIONS
run_one() {
  t=$1
  max_len=${FUZZ_MAX_LEN:-$(max_len_of "$t")}
  work="$bindir/corpus/$t"
  mkdir -p "$work"
  seeds="$src/corpus/$t"
  [ -d "$seeds" ] || seeds=
  dict=
  [ -f "$src/$t.dict" ] && dict="-dict=$src/$t.dict"
  "$bindir/$t" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$bindir/crash-$t-" $dict "$work" $seeds \
    > "$bindir/$t.log" 2>&1
  echo $? > "$bindir/$t.rc"
}
i=0
for t in "$@"; do
  run_one "$t" &
  i=$((i + 1))
  if [ $((i % jobs)) -eq 0 ]; then wait; fi
done
wait
pass=0 fail=0 total=0
for t in "$@"; do
  rc=$(cat "$bindir/$t.rc" 2>/dev/null || echo 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$bindir/$t.log" | tail -n 1)
  execs=${execs:-0}
  total=$((total + execs))
  if [ "$rc" = 0 ]; then
    pass=$((pass + 1)); echo "ok   $t: $execs executions in ${secs}s"
  else
    fail=$((fail + 1)); echo "FAIL $t (exit $rc) after $execs executions; log: $bindir/$t.log"
    grep -E 'ERROR: |SUMMARY|assertion failed|runtime error|Test unit written' "$bindir/$t.log" | head -n 8
  fi
done
echo "fuzz: $total executions in total"
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
