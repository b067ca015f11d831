-- The workflow in the sqlite3 shell:
--   sqlite3 -cmd '.load ../../dist/conflict' :memory: '.read articles.sql' '.read workflow.sql'
.mode list
.separator |
.headers off
.nullvalue NULL
.print == places
SELECT a.id, p.text, p.name, p.country FROM articles a, places(a.body) p ORDER BY a.id, p.start;
.print == killed per article
SELECT a.id, CAST(sum(c.value) AS INTEGER) FROM articles a, counts(a.body) c
 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id ORDER BY a.id;
.print == killed per place
WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c
                 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id)
SELECT p.name, count(DISTINCT a.id), CAST(sum(k.n) AS INTEGER)
  FROM articles a, places(a.body) p JOIN killed k ON k.id = a.id
 WHERE p.kind <> 'country' GROUP BY p.name ORDER BY sum(k.n) DESC, p.name;
