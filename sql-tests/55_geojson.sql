-- Maps: geojson_agg(lat, lon [, properties]) and places_geojson(text [, options]).
.mode list
.nullvalue NULL
.headers off
CREATE TABLE articles(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO articles VALUES
 (1, 'Au moins 9 civils ont été tués mardi à Alep, selon l''OSDH.'),
 (2, 'Une attaque près de Kidal a fait 11 morts parmi les soldats.'),
 (3, 'Deux soldats ont été tués près de Kidal, au nord du Mali.');
-- (canonical names and coordinates follow the gazetteer: the mentions and counts are checked)
SELECT 'gj_01', json_extract(f.value, '$.type'), json_extract(f.value, '$.geometry.type'),
       json_extract(f.value, '$.properties.mention'), json_extract(f.value, '$.properties.article'),
       json_type(f.value, '$.properties.name'), json_array_length(f.value, '$.geometry.coordinates')
  FROM (SELECT geojson_agg(p.lat, p.lon, json_object('mention', p.text, 'name', p.name, 'article', a.id)) AS g
          FROM articles a, places(a.body) p WHERE a.id <= 2), json_each(g, '$.features') f;
-- per place: articles and killed, as analysts map them
WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c
                 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id),
     per_place AS (SELECT p.name, p.country, p.lat, p.lon, count(DISTINCT a.id) AS articles,
                          sum(k.n) AS killed, group_concat(DISTINCT a.id) AS ids,
                          group_concat(DISTINCT p.text) AS mentions
                     FROM articles a, places(a.body) p LEFT JOIN killed k ON k.id = a.id
                    WHERE p.kind <> 'country' GROUP BY p.name, p.country)
SELECT 'gj_02', json_extract(f.value, '$.properties.mentions'), json_extract(f.value, '$.properties.articles'),
       json_extract(f.value, '$.properties.killed'), json_extract(f.value, '$.properties.article_ids')
  FROM (SELECT geojson_agg(lat, lon, json_object('name', name, 'country', country, 'articles', articles,
                                                 'killed', killed, 'article_ids', ids, 'mentions', mentions)) AS g
          FROM per_place),
       json_each(g, '$.features') f ORDER BY 2;
SELECT 'gj_03', json_extract(g, '$.type'), json_array_length(g, '$.features'),
       json_extract(g, '$.features[0].geometry'), json_extract(g, '$.features[0].properties.name'),
       json_extract(g, '$.features[0].properties.geonameid'),
       (SELECT group_concat(key) FROM json_each(g, '$.features[0].properties'))
  FROM (SELECT places_geojson('Des combats à Kidal.') AS g);
SELECT 'gj_04', places_geojson('Des combats à Kidal.', '{"min_score": 0.99}');
-- NULL coordinates are left out, no rows give an empty collection, nesting keeps JSON
WITH v(lat, lon) AS (VALUES (NULL, 1.0), (2.0, NULL), (-0.0000001, 180))
SELECT 'gj_05', geojson_agg(lat, lon) FROM v;
SELECT 'gj_06', geojson_agg(1, 2) WHERE 0;
SELECT 'gj_07', json_array(geojson_agg(1, 2, NULL)), json_valid(geojson_agg(1, 2, '{"a":[1,{"b":"é\n"}]}'));
SELECT 'gj_08', places_geojson(NULL), places_geojson('');
-- errors
SELECT 'gj_09', geojson_agg('36.2', 37.1);
SELECT 'gj_10', geojson_agg(36.2, X'00');
SELECT 'gj_11', geojson_agg(91, 0);
SELECT 'gj_12', geojson_agg(0, -180.5);
SELECT 'gj_13', geojson_agg(1, 2, '[1, 2]');
SELECT 'gj_14', geojson_agg(1, 2, '{"a": 1,}');
SELECT 'gj_15', geojson_agg(1, 2, 3);
SELECT 'gj_16', places_geojson(X'4b6964616c');
SELECT 'gj_17', places_geojson('Kidal', '{"zoom": 3}');
