-- One feature per place of the sample dispatches (examples/articles.sql):
-- articles mentioning it, people reported killed in them, the spellings used.
.headers off
.mode list
WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c
                 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id),
     per_place AS (SELECT p.name, p.country, p.kind, p.lat, p.lon,
                          count(DISTINCT a.id) AS articles, ifnull(sum(k.n), 0) AS killed,
                          group_concat(DISTINCT p.text) AS mentions,
                          group_concat(DISTINCT a.id) AS article_ids
                     FROM articles a, places(a.body) p LEFT JOIN killed k ON k.id = a.id
                    WHERE p.kind <> 'country'
                    GROUP BY p.name, p.country)
SELECT geojson_agg(lat, lon, json_object('name', name, 'country', country, 'kind', kind,
                                         'articles', articles, 'killed', killed,
                                         'mentions', mentions, 'article_ids', article_ids))
  FROM per_place;
