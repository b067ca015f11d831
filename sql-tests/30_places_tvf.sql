.mode list
.nullvalue NULL
.headers off
-- places(text [, options]): the same rows as a table; joins; user places.
create table articles(id integer primary key, lang text, body text);
insert into articles(lang, body) values
  ('fr', 'Les forces du régime ont pris deux villages au sud de Maarat al-Noomane, dans la province d''Idleb, selon l''OSDH.'),
  ('en', 'Two soldiers were killed near Mosul, Nineveh province, Iraq, officials said.'),
  ('fr', 'Le Burkina Faso et le Mali ont annoncé une opération conjointe près de Ouagadougou.'),
  ('en', NULL),
  ('fr', '');
select 'tvf_01', a.id, p.text, p.kind, p.country
  from articles a, places(a.body) p order by a.id, p.start;
select 'tvf_02', count(*) from articles a, places(a.body) p where a.body is null or a.body = '';
select 'tvf_03', p.name, p.admin1, round(p.lat, 2), round(p.lon, 2), p.geonameid is not null
  from places('Des combats à Alep.') p;
-- columns match extract_places() keys
select 'tvf_04', group_concat(name, ',') from pragma_table_info('places');
select 'tvf_05', (select count(*) from places('Mossoul et Bagdad, Irak.')) =
                 json_array_length(extract_places('Mossoul et Bagdad, Irak.'));
select 'tvf_06', p.text, p.country from places('A storm hit Damascus.', '{"country":"US"}') p;
select 'tvf_07', count(*) from places('Alep', '{"bad":1}');
-- places by country over the corpus
select 'tvf_08', p.country, count(*) from articles a, places(a.body) p group by 2 order by 2;
-- user places: villages missing from GeoNames and local spellings
create table my_places(name text, aliases text, lat real, lon real, country text, kind text,
                       admin1 text, geonameid integer);
insert into my_places values
  ('Tell Zaytouna', 'Tal Zeitoune|Tell Zeytuna', 35.71, 36.52, 'SY', 'city', 'Idlib', NULL),
  ('Maaret Noomane', NULL, NULL, NULL, NULL, NULL, NULL, 167611);
select 'up_01', conflict_load_places('my_places');
select 'up_02', p.text, p.name, p.kind, p.country, p.admin1, p.lat, p.geonameid
  from places('Des obus sont tombés sur Tal Zeitoune et Maaret Noomane.') p;
select 'up_03', count(*) from places('Des obus sont tombés sur Tal Zeitoune.', '{"user_places":false}');
-- errors: all-or-nothing, the previous overlay stays
create table bad_places(name text, lat real, lon real);
insert into bad_places values ('Nulle Part', 95, 10);
select 'up_04', conflict_load_places('bad_places');
select 'up_05', count(*) from places('Tal Zeitoune');
select 'up_06', conflict_load_places('no_such_table');
create table no_name(label text, lat real, lon real);
select 'up_07', conflict_load_places('no_name');
-- NULL clears the overlay
select 'up_08', conflict_load_places(NULL);
select 'up_09', count(*) from places('Tal Zeitoune');
-- DIRECTONLY: not from a view or trigger
create view v as select conflict_load_places('my_places');
select 'up_10', * from v;
