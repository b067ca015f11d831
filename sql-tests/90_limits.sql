.mode list
.nullvalue NULL
.headers off
-- Length limits: an input up to SQLITE_LIMIT_LENGTH works; a result longer
-- than the limit is an error ("string or blob too big"), never truncated.
-- U+FDFA expands to 18 characters (33 bytes) under NFKC.
-- (SQLite needs the TVFs connected before a tiny limit: their CREATE TABLE
-- declarations are longer than 100 bytes, for json_each as for ours.)
select 'lm_00', count(*) >= 0 from places('x'), counts('x'), actors('x'), sources('x'), dates('x', '2021');
.limit length 100
select 'lm_01', normalize_name('ﷺ ﷺ ﷺ');
select 'lm_02', length(normalize_name('ﷺ ﷺ'));
select 'lm_03', extract_places('Alep, Idleb et Hama');
select 'lm_04', extract_counts('12 morts');
select 'lm_05', extract_actors('les shebab') like '[%]';
select 'lm_06', extract_sources('selon l''OSDH') like '[%]';
select 'lm_07', extract_dates('le 12 mars 2021', '2021-03-12');
select 'lm_08', count(*) > 0 from places('Alep et Idleb');
select 'lm_08b', count(*) > 0 from counts('12 morts, 3 blessés, 4 disparus');
-- an input over the limit is refused by SQLite itself
select 'lm_09', normalize_name('Ma''arrat an-Nu''man, Deir ez-Zor, Alep, Idleb, Homs, Hama, Raqqa, Deraa, Mossoul, Kharkiv, Kherson');
.limit length 1000000000
select 'lm_10', normalize_name('ﷺ');
-- a long input (4 MB) runs within the default limits
select 'lm_11', length(normalize_name(replace(hex(zeroblob(2000000)), '0', 'A')));
select 'lm_12', json_array_length(extract_counts(replace(hex(zeroblob(20000)), '00', '12 morts, '))) >= 0;
select 'lm_13', count(*) >= 0 from places(replace(hex(zeroblob(2000)), '00', 'Alep, '));
