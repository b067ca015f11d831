.mode list
.nullvalue NULL
.headers off
-- extract_places(text [, options]): JSON shape, offsets, resolution, options and errors.
-- Sentences written for the project.
select 'pl_01', json_valid(extract_places('Des frappes russes ont visé Idleb, en Syrie.'));
select 'pl_02', extract_places('Des frappes russes ont visé Idleb, en Syrie.');
select 'pl_03', json_array_length(extract_places('Aucun lieu ici.'));
select 'pl_04', extract_places('');
select 'pl_05', extract_places(NULL) is NULL;
select 'pl_06', extract_places(x'416c6570');
select 'pl_07', extract_places('Alep', '{"unknown":1}');
select 'pl_08', extract_places('Alep', '{"lang":"fr"');
select 'pl_09', extract_places('Alep', '{"min_score":3}');
select 'pl_10', extract_places('Alep', '{"country":"ZZ"}');
select 'pl_11', extract_places('Alep', '{"kinds":"village"}');
-- the result is JSON (subtype): it nests without quoting
select 'pl_12', json_array(extract_places('Combats à Homs.')) like '[[{%';
-- province d'X is the division; ville de X the town
select 'pl_13', j.value ->> 'text', j.value ->> 'kind', j.value ->> 'name'
  from json_each(extract_places('La province d''Idleb et la ville d''Idleb ont été bombardées.')) j;
-- homonyms: the text's country decides; the country option biases
select 'pl_14', j.value ->> 'text', j.value ->> 'country'
  from json_each(extract_places('Shelling hit Damascus and Homs, Syria.')) j;
select 'pl_15', j.value ->> 'text', j.value ->> 'country'
  from json_each(extract_places('A storm hit Damascus on Friday.', '{"country":"US"}')) j;
-- exonyms, elision, datelines
select 'pl_16', j.value ->> 'text', j.value ->> 'name', j.value ->> 'kind', j.value ->> 'country'
  from json_each(extract_places('TOMBOUCTOU, 2 févr (AFP) - Des tirs près de Gao, dans le nord du Mali, et à Bagdad, en Irak.')) j;
-- not places: people, agencies, armed groups, months, capitalized common words
select 'pl_17', json_array_length(extract_places(
  'Rami Abdel Rahmane a parlé à l''agence Sana. Hayat Tahrir al-Cham contrôle la zone. Members of the Students Union marched in March.'));
-- offsets are 1-based characters: substr(text, start, length) = text
select 'pl_18', count(*), sum(substr(t, j.value ->> 'start', j.value ->> 'length') = j.value ->> 'text')
  from (select 'À Maaret al-Noomane, près d''Alep, et à Lattaquié — en Syrie.' t),
       json_each(extract_places(t)) j;
-- kinds filter and min_score
select 'pl_19', j.value ->> 'text' from json_each(extract_places('Combats à Alep, en Syrie.', '{"kinds":"country"}')) j;
select 'pl_20', count(*) from json_each(extract_places('Combats à Alep et à Hama, en Syrie.', '{"min_score":0.99}')) j
  where j.value ->> 'score' < 0.99;
