.mode list
.nullvalue NULL
.headers off
-- detect_lang(text): ISO 639-1 code or NULL; sentences written for these tests.
select 'dl_01', detect_lang('Deux civils ont été tués mardi dans le bombardement de leur village, selon une ONG.');
select 'dl_02', detect_lang('Two civilians were killed on Tuesday when their village was shelled, a monitor said.');
select 'dl_03', detect_lang('Dos civiles murieron el martes en el bombardeo de su aldea, según una ONG.');
select 'dl_04', detect_lang('Due civili sono stati uccisi martedì nel bombardamento del loro villaggio.');
select 'dl_05', detect_lang('Dois civis foram mortos na terça-feira no bombardeio da sua aldeia, segundo uma ONG.');
select 'dl_06', detect_lang('Zwei Zivilisten wurden am Dienstag bei dem Beschuss ihres Dorfes getötet.');
select 'dl_07', detect_lang('قتل مدنيان يوم الثلاثاء في قصف استهدف قريتهما بحسب منظمة غير حكومية.');
select 'dl_08', detect_lang('Двое мирных жителей погибли во вторник при обстреле их деревни.');
select 'dl_09', detect_lang('Двоє цивільних загинули у вівторок під час обстрілу їхнього села.');
-- too short, mixed or unknown: NULL
select 'dl_10', detect_lang('Idleb');
select 'dl_11', detect_lang('The army said the village was shelled. Les forces ont attaqué le village hier.');
select 'dl_12', detect_lang('');
select 'dl_13', detect_lang(NULL);
-- usable as a column: one code per row
select 'dl_14', detect_lang(b), count(*) from (
  select 'Les combats ont repris dans la nuit près de la frontière.' b union all
  select 'Fighting resumed overnight near the border, residents said.' union all
  select 'Los combates se reanudaron durante la noche cerca de la frontera.') group by 2 order by 2;
-- errors
select 'dl_e1', detect_lang(x'41424344');
select 'dl_e2', detect_lang(42);
select 'dl_e3', detect_lang(cast(x'ff41' as text));
select 'dl_e4', detect_lang('a', 'b');
