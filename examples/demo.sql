-- The conflict extension on ten sample dispatches (examples/articles.sql).
.headers on
.mode box --wrap 60
.print '== Which build is loaded'
SELECT conflict_version() AS version;
SELECT conflict_debug() AS debug;

.print ''
.print '== One spelling-insensitive key for many transliterations'
SELECT spelling, normalize_name(spelling) AS normalized, name_key(spelling) AS key,
       round(name_similarity(spelling, 'Maarat al-Numan'), 3) AS similarity
FROM (SELECT column1 AS spelling FROM (VALUES ('Maaret al-Noomane'), ('Ma''arrat an-Nu''man'),
      ('Maarret enn Naamane'), ('Kamechliyé'), ('Qamishli'), ('Deir ez-Zor'), ('Dayr az Zawr')));

.print ''
.print '== Where: every place mentioned, resolved'
SELECT a.id, p.text, p.name, p.kind, p.country, p.admin1, p.lat, p.lon
FROM articles a, places(a.body) p
ORDER BY a.id, p.start;

.print ''
.print '== Places mentioned most often'
SELECT p.name, p.country, count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM articles a, places(a.body) p
WHERE p.kind <> 'country'
GROUP BY p.name, p.country ORDER BY mentions DESC, p.name LIMIT 8;

.print ''
.print '== How many: counted people and things'
SELECT a.id, c.text, c.value, c.low, c.high, c.qualifier, c.category, c.who, c.part_of
FROM articles a, counts(a.body) c
ORDER BY a.id, c.start;

.print ''
.print '== Killed per article, subsets not double counted'
SELECT a.id, sum(c.value) AS killed
FROM articles a, counts(a.body) c
WHERE c.category = 'killed' AND c.part_of IS NULL
GROUP BY a.id ORDER BY a.id;

.print ''
.print '== Who fought'
SELECT a.id, x.text, x.name, x.type, x.country
FROM articles a, actors(a.body) x ORDER BY a.id, x.start;

.print ''
.print '== According to whom'
SELECT a.id, s.text, s.name, s.type
FROM articles a, sources(a.body) s ORDER BY a.id, s.start;

.print ''
.print '== When: dates resolved against the dispatch date'
SELECT a.id, a.published, d.text, d.date, d.precision, d.relative
FROM articles a, dates(a.body, a.published) d ORDER BY a.id, d.start;

.print ''
.print '== Language of each dispatch'
SELECT id, lang AS declared, detect_lang(body) AS detected FROM articles;

.print ''
.print '== One article as JSON'
.mode list
SELECT extract_places(body) FROM articles WHERE id = 9;
