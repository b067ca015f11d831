#!/bin/sh
# FTS5 tokenizer `conflict` beside unicode61: build MB/s, index size, query latency.
# Usage: sh bench/fts5.sh dist/conflict.so [--mb 5]
ext=${1:-dist/conflict.so}
shift 2>/dev/null
exec /usr/bin/python3 "$(dirname "$0")/fts5.py" --ext "${ext%.so}" "$@"
