.mode list
.nullvalue NULL
.headers off
-- extract_actors(text [, options]) and actors(...): sentences written for these tests.
select 'ac_01', extract_actors('Les forces du régime syrien, appuyées par l''aviation russe, ont repris Saraqeb aux jihadistes de Hayat Tahrir al-Cham (HTS).');
select 'ac_02', extract_actors('Islamic State fighters attacked a checkpoint; the Iraqi army and the Hashd al-Shaabi repelled them, officials said.');
-- adjectives, count heads and lower-case "is" are not actors
select 'ac_03', extract_actors('Des frappes russes ont visé des villages rebelles ; 12 terroristes ont été neutralisés. This is not ISIS.');
-- generic attackers take the group named in the text
select 'ac_04', extract_actors('Boko Haram a attaqué Dalori. Les assaillants ont incendié des maisons, selon un milicien de la CJTF.');
select 'ac_05', extract_actors('Des hommes armés non identifiés ont tué trois bergers près de Djibo.');
-- a capital standing for its government, only in such a context
select 'ac_06', extract_actors('Idleb échappe encore au contrôle de Damas. Des familles ont fui vers Damas.');
-- options: generic mentions off, country of generic mentions
select 'ac_07', extract_actors('Les rebelles et l''armée se sont affrontés près de Kidal.', '{"generic": false}');
select 'ac_08', extract_actors('L''armée a repoussé les insurgés.', '{"country": "ne", "lang": "fr"}');
select 'ac_09', extract_actors('');
select 'ac_10', extract_actors(NULL);
-- substr(body, start, length) = text, with multi-byte characters before the mentions
select 'ac_11', count(*), sum(substr(b, start, length) = text)
from (select 'À Ḩamāh, l’armée syrienne et les « rebelles » du Front al-Nosra ; les shebab en Somalie.' b), actors(b);
-- the table-valued form
select 'ac_12', text, start, length, name, type, country
from actors('Les shebab ont attaqué une base de l''Amisom près de Mogadiscio, a indiqué l''armée somalienne.');
select 'ac_13', count(*) from actors(NULL);
-- errors
select 'ac_14', extract_actors(x'00ff');
select 'ac_15', extract_actors('texte', '{"pays": "SY"}');
select 'ac_16', extract_actors('texte', '{"country": "Syria"}');
select 'ac_17', extract_actors('texte', '{"generic": "yes"}');
