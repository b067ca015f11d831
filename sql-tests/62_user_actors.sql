.mode list
.nullvalue NULL
.headers off
-- conflict_load_actors(table): the connection's own actors beside the dictionary.
-- Sentences written for these tests; the groups are local self-defence militias.
create table my_actors(name text, aliases text, type text, country text);
insert into my_actors values
  ('Groupe d''autodéfense de Koutiala', 'GAK|autodéfense de Koutiala', 'militia', 'ml'),
  ('Brigade des Faucons du Nord', 'Faucons du Nord|=FdN', 'rebels', 'TD'),
  ('Front populaire de Sanké', NULL, NULL, NULL),
  ('Boko Haram (faction de Bakura)', 'Boko Haram faction de Bakura|faction Bakura de Boko Haram', 'jihadists', 'NG');
-- before loading: unknown names
select 'ua_01', extract_actors('Le GAK a repoussé une attaque des Faucons du Nord près de Koutiala.');
select 'ua_02', conflict_load_actors('my_actors');
-- acronym, alias, reported name, type and country from the table; default type other
select 'ua_03', extract_actors('Le GAK a repoussé une attaque des Faucons du Nord près de Koutiala.');
select 'ua_04', name, type, country, text from actors('Des combattants du Front populaire de Sanke ont été vus.');
-- accents and case fold like the dictionary; "=FdN" only as written; short acronyms case-sensitive
select 'ua_05', group_concat(text || '=' || name, '; ') from actors('L''Autodefense de KOUTIALA et la FdN ; la fdn, le gak.');
-- the longer match wins: a user alias containing a dictionary name
select 'ua_06', group_concat(text || '=' || name, '; ') from actors('La Boko Haram faction de Bakura a attaqué ; Boko Haram a démenti.');
-- dictionary actors still found; option user_actors false ignores the overlay
select 'ua_07', group_concat(name, '; ') from actors('Le GAK et Boko Haram.');
select 'ua_08', group_concat(name, '; ') from actors('Le GAK et Boko Haram.', '{"user_actors": false}');
select 'ua_09', extract_actors('Le GAK.', '{"user_actors": 1}');
-- errors leave the previous overlay in place
create table bad_type(name text, type text);
insert into bad_type values ('Milice X', 'bandits');
select 'ua_10', conflict_load_actors('bad_type');
create table bad_cc(name text, country text);
insert into bad_cc values ('Milice Y', 'Mali');
select 'ua_11', conflict_load_actors('bad_cc');
create table no_name(alias text);
select 'ua_12', conflict_load_actors('no_name');
select 'ua_13', conflict_load_actors('missing_table');
create table empty_name(name text);
insert into empty_name values ('');
select 'ua_14', conflict_load_actors('empty_name');
select 'ua_15', conflict_load_actors(42);
select 'ua_16', group_concat(name, '; ') from actors('Le GAK.');
-- reloading replaces the overlay; NULL removes it
create table other_actors(NAME text, Alias text);
insert into other_actors values ('Milice de Bamba', 'miliciens de Bamba');
select 'ua_17', conflict_load_actors('other_actors');
select 'ua_18', group_concat(name || '/' || type, '; ') from actors('Le GAK et des miliciens de Bamba.');
select 'ua_19', conflict_load_actors(NULL);
select 'ua_20', group_concat(text || '=' || name, '; ') from actors('Le GAK et des miliciens de Bamba.');
-- DIRECTONLY: not from a trigger or a view
create table log(x);
create trigger tr after insert on log begin select conflict_load_actors('my_actors'); end;
insert into log values (1);
create view v as select conflict_load_actors('my_actors') as n;
select 'ua_21', n from v;
