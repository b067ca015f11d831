.mode list
.nullvalue NULL
.headers off
-- extract_sources(text [, options]) and sources(...): sentences written for these tests.
select 'so_01', extract_sources('Vingt civils ont été tués, selon l''Observatoire syrien des droits de l''Homme (OSDH), a indiqué à l''AFP une source médicale.');
select 'so_02', extract_sources('At least 12 soldiers died, a security source told Reuters, while a local official said the toll could rise, according to the UN.');
-- SANA the agency, not Sanaa the city
select 'so_03', extract_sources('L''agence officielle Sana a rapporté des combats. À Sanaa, les Houthis ont défilé.');
-- generic nouns only as reporters; credits and "la même source" are not sources
select 'so_04', extract_sources('(Photo AFP) Un habitant a été blessé. « Ils sont venus la nuit », a raconté un habitant, selon la même source.');
select 'so_05', extract_sources('L''armée malienne a annoncé la mort de cinq soldats dans un communiqué.');
select 'so_06', extract_sources('Source : Radio Okapi');
-- options
select 'so_07', extract_sources('Selon des témoins et l''ONU, le village a été incendié.', '{"generic": false}');
select 'so_08', extract_sources('');
select 'so_09', extract_sources(NULL);
-- substr(body, start, length) = text with multi-byte characters
select 'so_10', count(*), sum(substr(b, start, length) = text)
from (select 'À Ḩamāh, « trois morts », a déclaré à l’AFP une source sécuritaire, d’après l’OCHA.' b), sources(b);
-- the table-valued form
select 'so_11', text, start, length, name, type
from sources('Selon l''OSDH, basé au Royaume-Uni, des médecins ont confirmé le bilan à l''AFP.');
select 'so_12', count(*) from sources(NULL);
-- errors
select 'so_13', extract_sources(x'00ff');
select 'so_14', extract_sources('texte', '{"country": "SY"}');
select 'so_15', extract_sources('texte', '{"generic": 1}');
