#!/bin/sh
# Derives data/lexicon_fr_en.txt.gz, one word per line, sorted:
# - the lower-case French and English words (3 letters or more) of Debian's
#   word lists: extract_places tells a capitalized common word ("Members",
#   "Malgré", "Forest") from the village of the same spelling;
# - the capitalized English words of the larger list (proper nouns: Sikh,
#   Hindu, German, Omar, Paris), kept capitalized: such a word names a place
#   only when that place is a major one (Paris, Punjab), never a village
#   that happens to share it.
# The gazetteer compiler (ext/tools/gazpack.c) stores their fingerprints.
#   sources: wamerican-small and wamerican 2020.12.07-2
#            (/usr/share/dict/american-english[-small], SCOWL, permissive),
#            wfrench 1.2.7-2 (/usr/share/dict/french, GPL-2)
#   usage:   sh tools/derive_lexicon.sh [out]   (apt-get install wamerican-small wamerican wfrench)
set -eu
out=${1:-data/lexicon_fr_en.txt.gz}
en=/usr/share/dict/american-english-small
names=/usr/share/dict/american-english
fr=/usr/share/dict/french
for f in $en $names $fr; do [ -r $f ] || { echo "missing $f" >&2; exit 1; }; done
{
  LC_ALL=C.UTF-8 grep -hE '^[a-zàâäçéèêëîïôöùûüÿœæ]+$' $en $fr | awk 'length($0) >= 3'
  LC_ALL=C grep -hE '^[A-Z][a-z]+$' $names | awk 'length($0) >= 3'
} | LC_ALL=C sort -u | gzip -9 -n > "$out"
echo "$out: $(gzip -dc "$out" | wc -l) words"
