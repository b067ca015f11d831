.mode list
.nullvalue NULL
.headers off
-- Under PRAGMA trusted_schema=OFF, only INNOCUOUS functions and
-- SQLITE_VTAB_INNOCUOUS table-valued functions may run from the schema
-- (views, triggers, indexes, CHECK, DEFAULT, generated columns), and only
-- DETERMINISTIC functions may back an expression index.
pragma trusted_schema = off;
create table art(id integer primary key, body text);
insert into art values (1, 'Au moins 12 civils ont été tués mardi à Alep, selon l''OSDH.'),
                       (2, 'Three soldiers were killed near Kharkiv on Monday, officials said.');
-- views over scalar functions
create view v_names as select id, normalize_name(body) as n, name_key(body) as k,
  name_similarity(body, 'Alep') as s from art;
select 'tr_01', id, length(n) > 0, length(k) > 0, s between 0 and 1 from v_names order by id;
-- (SQLite 3.40's own JSON functions are not INNOCUOUS: none of them here)
create view v_json as select id, extract_places(body) like '[%]' as p,
  extract_counts(body) like '[%]' as c, extract_actors(body) like '[%]' as a,
  extract_sources(body) like '[%]' as s, extract_dates(body, '2021-03-12') like '[%]' as d,
  detect_lang(body) is null or length(detect_lang(body)) = 2 as l,
  places_geojson(body) like '{%}' as g from art;
select 'tr_02', * from v_json order by id;
-- views over table-valued functions
create view v_tvf as
  select 'places' as f, count(*) >= 0 as ok from art, places(art.body)
  union all select 'counts', count(*) >= 0 from art, counts(art.body)
  union all select 'actors', count(*) >= 0 from art, actors(art.body)
  union all select 'sources', count(*) >= 0 from art, sources(art.body)
  union all select 'dates', count(*) >= 0 from art, dates(art.body, '2021-03-12');
select 'tr_03', f, ok from v_tvf;
-- expression indexes: deterministic functions work and are used
create index art_key on art(name_key(body));
create index art_norm on art(normalize_name(body));
select 'tr_04', count(*) from art where name_key(body) = name_key('Three soldiers were killed near Kharkiv on Monday, officials said.');
select 'tr_05';
explain query plan select id from art where name_key(body) = 'x';
-- CHECK constraints and generated columns from the schema
create table checked(body text check (normalize_name(body) <> ''),
                     k text generated always as (name_key(body)) virtual);
insert into checked(body) values ('Idleb');
select 'tr_06', body, k is not null from checked;
insert into checked(body) values ('   ');
-- triggers
create table log(n text);
create trigger art_ins after insert on art begin insert into log values (normalize_name(new.body)); end;
insert into art(body) values ('Deir ez-Zor');
select 'tr_07', n from log;
-- refused: a function that is not INNOCUOUS, from a view (the shell's readfile is DIRECTONLY)
create view v_unsafe as select readfile('/dev/null') as x;
select 'tr_08', x from v_unsafe;
-- an aggregate in a view
create view v_geo as select geojson_agg(1.5, 2.5) like '{%}' as g from art;
select 'tr_09', g from v_geo;
-- refused: conflict_load_places() changes connection state, so it is DIRECTONLY
create view v_load as select conflict_load_places('select 1') as x;
select 'tr_10', x from v_load;
create trigger art_load after insert on art begin select conflict_load_places('select 1'); end;
insert into art(body) values ('x');
select 'tr_11', count(*) from art;
-- refused: a non-deterministic function in an expression index
create index art_rand on art(random());
