#!/bin/sh
# make bench: every benchmark in bench/, against the extension given.
ext=${1:-dist/conflict.so}
here=$(dirname "$0")
echo "== text functions over article-sized rows (bench/bench.py)"
/usr/bin/python3 "$here/bench.py" --ext "${ext%.so}" || exit 1
for b in "$here"/*.sh; do
  [ "$(basename "$b")" = run.sh ] && continue
  echo; echo "== $(basename "$b")"
  sh "$b" "$ext" || exit 1
done
