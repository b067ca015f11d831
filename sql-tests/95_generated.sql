-- Generated columns and expression indexes over the DETERMINISTIC functions.
-- After upgrading the extension, run REINDEX (and rebuild STORED columns) so
-- that indexes built with the old gazetteer or key rules match the new ones.
.mode list
.nullvalue NULL
.headers off
CREATE TABLE articles(id INTEGER PRIMARY KEY, title TEXT, body TEXT);
INSERT INTO articles VALUES
 (1, 'Maaret al-Noomane', 'Au moins 9 civils ont été tués mardi à Maaret al-Noomane, selon l''OSDH.'),
 (2, 'Ma''arrat an-Nu''man', 'Two soldiers were killed and 14 wounded near Ma''arrat an-Nu''man on Sunday.'),
 (3, 'Kidal', 'Une attaque près de Kidal a fait 11 morts parmi les soldats.'),
 (4, NULL, NULL);
-- a VIRTUAL generated column can be added to an existing table
ALTER TABLE articles ADD COLUMN counts AS (extract_counts(body));
ALTER TABLE articles ADD COLUMN places AS (extract_places(body));
SELECT 'gc_01', id, json_array_length(counts), json_extract(counts, '$[0].value') FROM articles ORDER BY id;
SELECT 'gc_02', id, json_valid(places), json_type(places) FROM articles ORDER BY id;
-- a STORED generated column is computed once, at INSERT/UPDATE
CREATE TABLE stored2(id INTEGER PRIMARY KEY, body TEXT,
  ncounts INTEGER GENERATED ALWAYS AS (json_array_length(extract_counts(body))) STORED);
INSERT INTO stored2(id, body) SELECT id, body FROM articles;
SELECT 'gc_03', group_concat(id || ':' || ifnull(ncounts, 'NULL')) FROM stored2;
-- an expression index on name_key(): every spelling finds the same rows
CREATE INDEX articles_title_key ON articles(name_key(title));
SELECT 'gc_04', group_concat(id) FROM articles WHERE name_key(title) = name_key('Maarat al-Numan');
.print gc_05
EXPLAIN QUERY PLAN SELECT id FROM articles WHERE name_key(title) = name_key('Maarat al-Numan');
-- an index on a generated column
CREATE INDEX articles_ncounts ON articles(json_array_length(counts));
SELECT 'gc_06', group_concat(id) FROM articles WHERE json_array_length(counts) >= 2;
-- after an upgrade: rebuild every index that uses the extension's functions
REINDEX articles_title_key;
REINDEX articles_ncounts;
SELECT 'gc_07', count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok';
