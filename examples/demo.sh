#!/bin/sh
# make demo: builds a small articles database from examples/articles.sql and
# runs examples/demo.sql against it with the extension loaded.
set -e
ext=${1:-dist/conflict.so}
here=$(dirname "$0")
db=$(dirname "$ext")/demo.db
rm -f "$db"
sqlite3 "$db" < "$here/articles.sql"
echo "demo database: $db ($(sqlite3 "$db" 'select count(*) from articles') articles)"
sqlite3 -batch -cmd ".load ${ext%.so}" "$db" < "$here/demo.sql"
