.mode list
.nullvalue NULL
.headers off
-- extract_dates(text, ref_date [, options]) and dates(...): sentences written for these tests.
-- ref_date 2021-03-13 is a Saturday.
select 'dt_01', extract_dates('Des obus sont tombés samedi sur le marché, et jeudi soir sur la route.', '2021-03-13');
select 'dt_02', extract_dates('L''offensive lancée le 1er mars 2021 se poursuit depuis février.', '2021-03-13');
select 'dt_03', extract_dates('Rebels ambushed a convoy on Sunday; on March 2, 2021 they had shelled the town.', '2021-03-13 18:40:00');
select 'dt_04', extract_dates('hier, aujourd''hui, en janvier, en avril, décembre dernier, l''an dernier', '2021-03-13T09:00:00Z');
-- ref_date coarser than the mention: weekdays stay unresolved
select 'dt_05', extract_dates('jeudi, en février, le 10/06', '2021-03');
-- NULL ref_date: only absolute dates get a date
select 'dt_06', extract_dates('Mardi, le 26/01/2020 et en mars 2011.', NULL);
select 'dt_07', extract_dates('Mardi, le 26/01/2020 et en mars 2011.', NULL, '{"unresolved": false}');
select 'dt_08', extract_dates('hier, yesterday', '2021-03-13', '{"lang": "en"}');
-- not dates: times, durations, la veille, weeks, numbers
select 'dt_09', extract_dates('Durant les dernières 24 heures, à 10h30, la veille, la semaine dernière : 1.500 déplacés.', '2021-03-13');
select 'dt_10', extract_dates('', '2021-03-13');
select 'dt_11', extract_dates(NULL, '2021-03-13');
select 'dt_12', json_valid(extract_dates('Le 3 mars 2021.', '2021-03-13')), json_array(extract_dates('le 3 mars 2021', NULL));
-- substr(body, start, length) = text, with multi-byte characters before the mention
select 'dt_13', count(*), sum(substr(b, start, length) = text)
from (select 'À Ḩamāh, « frappes » mercredi ; l’armée a répondu le 12 mars.' b), dates(b, '2021-03-13');
-- the table-valued form
.mode list
select 'dt_14', text, start, length, date, precision, relative
from dates('Jeudi soir, le 11 mars, et dimanche dernier.', '2021-03-13');
select 'dt_15', count(*) from dates(NULL, '2021-03-13');
select 'dt_16', text, date, relative from dates('Lundi et le 3 mars 2020.', NULL);
select 'dt_17', text, date from dates('hier', '2021-03-13', '{"lang": "fr"}');
-- errors
select 'dt_e1', extract_dates('hier', '26/01');
select 'dt_e2', extract_dates('hier', '2021-02-30');
select 'dt_e3', extract_dates(x'6869', '2021-03-13');
select 'dt_e4', extract_dates('hier', x'32303231');
select 'dt_e5', extract_dates('hier', 20210313);
select 'dt_e6', extract_dates('hier', '2021-03-13', '{"country": "SY"}');
select 'dt_e7', extract_dates('hier', '2021-03-13', '{"lang": "es"}');
select 'dt_e8', extract_dates('hier', '2021-03-13', '{"unresolved": "no"}');
select 'dt_e9', extract_dates('hier');
select 'dt_e10', text from dates('hier', '26/01');
select 'dt_e11', text from dates('hier');
