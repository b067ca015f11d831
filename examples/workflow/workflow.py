#!/usr/bin/python3
"""The workflow in Python's sqlite3 module.

    /usr/bin/python3 workflow.py ../../dist/conflict articles.sql

Some Python builds (macOS system Python, some pyenv builds) are compiled
without enable_load_extension: use Debian's /usr/bin/python3, or a build
configured with --enable-loadable-sqlite-extensions.
"""
import sqlite3
import sys

ext, articles = sys.argv[1], sys.argv[2]
db = sqlite3.connect(":memory:")
if not hasattr(db, "enable_load_extension"):
    sys.exit("this Python's sqlite3 module cannot load extensions")
db.enable_load_extension(True)
db.load_extension(ext)          # path without .so, as in the sqlite3 shell
db.enable_load_extension(False)
with open(articles, encoding="utf-8") as f:
    db.executescript(f.read())


def show(title, sql):
    print("== " + title)
    for row in db.execute(sql):
        print("|".join("NULL" if v is None else str(v) for v in row))


show("places", """
SELECT a.id, p.text, p.name, p.country FROM articles a, places(a.body) p ORDER BY a.id, p.start""")
show("killed per article", """
SELECT a.id, CAST(sum(c.value) AS INTEGER) FROM articles a, counts(a.body) c
 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id ORDER BY a.id""")
show("killed per place", """
WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c
                 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id)
SELECT p.name, count(DISTINCT a.id), CAST(sum(k.n) AS INTEGER)
  FROM articles a, places(a.body) p JOIN killed k ON k.id = a.id
 WHERE p.kind <> 'country' GROUP BY p.name ORDER BY sum(k.n) DESC, p.name""")
