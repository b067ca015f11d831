#!/bin/sh
# Regenerates ext/core/dict_data.c from data/actors.tsv and data/sources.tsv.
# Usage (from the repository root): sh ext/tools/gen_dict.sh [build-dir]
set -e
out=${1:-dist}/tools
mkdir -p "$out"
cc -std=c11 -O1 -D_DEFAULT_SOURCE -Iinclude -Iext/core $(pkg-config --cflags libutf8proc 2>/dev/null) \
  -o "$out/gen_dict" ext/tools/gen_dict.c ext/core/phrase_dict.c ext/core/tokenize.c \
  ext/core/utf8.c ext/core/alloc.c $(pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc)
"$out/gen_dict" data/actors.tsv data/sources.tsv > "$out/dict_data.c.tmp"
mv "$out/dict_data.c.tmp" ext/core/dict_data.c
echo "ext/core/dict_data.c: $(grep -c '^    {' ext/core/dict_data.c) table rows"
