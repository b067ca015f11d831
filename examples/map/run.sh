#!/bin/sh
# Renders docs/map.png: the places of examples/articles.sql as GeoJSON
# (geojson_agg) on a Leaflet map, screenshot by headless Chromium.
# Needs node + npm (leaflet, world-atlas, topojson-client) and Debian's
# chromium; without them it says what is missing and exits 0 (SKIP).
# Usage: sh examples/map/run.sh dist/conflict.so [out.png]
ext=${1:-dist/conflict.so}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../../docs/map.png}
extabs=$(cd "$(dirname "$ext")" && pwd)/$(basename "${ext%.so}")
tmp=${TMPDIR:-/tmp}/conflict-map.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
skip() { echo "SKIP map ($1)"; echo "map: 1 passed, 0 failed"; exit 0; }

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome) ||
  skip "chromium not found: apt-get install chromium"
command -v node >/dev/null 2>&1 || skip "node not found"
if [ ! -d "$here/node_modules/leaflet" ]; then
  (cd "$here" && timeout 300 npm install --no-audit --no-fund --loglevel=error) > "$tmp/npm.log" 2>&1 ||
    skip "npm install failed: $(tail -n 1 "$tmp/npm.log")"
fi

${SQLITE3:-sqlite3} -batch -cmd ".load $extabs" :memory: ".read $here/../articles.sql" \
  ".read $here/map.sql" > "$tmp/map.geojson" || { echo "map: 0 passed, 1 failed"; exit 1; }
node "$here/page.js" "$tmp/map.geojson" "$tmp/map.html" || { echo "map: 0 passed, 1 failed"; exit 1; }
# flags that work on a closed network (docs: /work/.library/env/machines/c.md)
"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --allow-file-access-from-files --hide-scrollbars \
  --window-size=1200,760 --virtual-time-budget=4000 --screenshot="$out" \
  "file://$tmp/map.html" > "$tmp/chrome.log" 2>&1
if [ -s "$out" ]; then
  cp "$tmp/map.geojson" "$(dirname "$out")/map.geojson"
  echo "wrote $out"; echo "map: 1 passed, 0 failed"
else
  tail -n 5 "$tmp/chrome.log"; echo "map: 0 passed, 1 failed"; exit 1
fi
