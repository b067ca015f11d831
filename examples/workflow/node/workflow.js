// The workflow in Node.js with better-sqlite3 (npm install in this folder).
//   node workflow.js ../../../dist/conflict ../articles.sql
'use strict';
const fs = require('fs');
const Database = require('better-sqlite3');

const [ext, articles] = process.argv.slice(2);
const db = new Database(':memory:');
db.loadExtension(ext); // better-sqlite3 accepts the path with or without .so
db.exec(fs.readFileSync(articles, 'utf8'));

function show(title, sql) {
  console.log('== ' + title);
  for (const row of db.prepare(sql).raw().all())
    console.log(row.map((v) => (v === null ? 'NULL' : String(v))).join('|'));
}

show('places', `
SELECT a.id, p.text, p.name, p.country FROM articles a, places(a.body) p ORDER BY a.id, p.start`);
show('killed per article', `
SELECT a.id, CAST(sum(c.value) AS INTEGER) FROM articles a, counts(a.body) c
 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id ORDER BY a.id`);
show('killed per place', `
WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c
                 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id)
SELECT p.name, count(DISTINCT a.id), CAST(sum(k.n) AS INTEGER)
  FROM articles a, places(a.body) p JOIN killed k ON k.id = a.id
 WHERE p.kind <> 'country' GROUP BY p.name ORDER BY sum(k.n) DESC, p.name`);
db.close();
