#!/bin/sh
# Derives data/lexicon_fr_en.txt.gz: the lower-case French and English words
# (3 letters or more) of Debian's word lists, one per line, sorted. The
# gazetteer compiler (ext/tools/gazpack.c) stores their fingerprints so that
# extract_places can tell a capitalized common word ("Members", "Malgré",
# "Forest") from the village of the same spelling. Lower-case entries only:
# the lists' capitalized entries are proper nouns, places among them.
#   sources: wamerican-small 2020.12.07-2 (/usr/share/dict/american-english-small,
#            public domain, SCOWL), wfrench 1.2.7-2 (/usr/share/dict/french, GPL-2)
#   usage:   sh tools/derive_lexicon.sh [out]   (apt-get install wamerican-small wfrench)
set -eu
out=${1:-data/lexicon_fr_en.txt.gz}
en=/usr/share/dict/american-english-small
fr=/usr/share/dict/french
for f in $en $fr; do [ -r $f ] || { echo "missing $f" >&2; exit 1; }; done
LC_ALL=C.UTF-8 grep -hE '^[a-zàâäçéèêëîïôöùûüÿœæ]+$' $en $fr | awk 'length($0) >= 3' |
  LC_ALL=C sort -u | gzip -9 -n > "$out"
echo "$out: $(gzip -dc "$out" | wc -l) words"
