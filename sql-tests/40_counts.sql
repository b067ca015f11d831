-- extract_counts() and counts(): counted quantities in French and English news
.mode list
.nullvalue NULL
.headers off

-- number formats
select 'ct_01', value, qualifier, category from counts('Depuis décembre, 358.000 personnes ont été déplacées.');
select 'ct_02', value from counts('Plus de 358 000 personnes ont fui les combats.');
select 'ct_03', value from counts('At least 358,000 people have fled their homes.');
select 'ct_04', value, category from counts('Some 1.5 million people were displaced by the fighting.');
select 'ct_05', value, category from counts('Près de 1,5 million de personnes ont été déplacées.');
select 'ct_06', value, low, high, qualifier from counts('Entre douze et quinze soldats ont été tués.');
select 'ct_07', value, low, high, qualifier from counts('12-15 civilians were killed in the raid.');
select 'ct_08', value, category, who from counts('Vingt-deux soldats ont été tués et quatre-vingt-dix-sept blessés.');
select 'ct_09', value, low, high, qualifier, category from counts('Des dizaines de civils ont fui vers la frontière.');
select 'ct_10', value, low, high, qualifier from counts('Des centaines de déplacés attendent de l''aide.');
select 'ct_11', value, low, high from counts('Des milliers de manifestants ont défilé dimanche.');
select 'ct_12', value, low, high from counts('Des dizaines de milliers de réfugiés ont franchi la frontière.');
select 'ct_13', value, low, high, qualifier from counts('Une vingtaine de rebelles ont été tués.');
select 'ct_14', value, category from counts('Dozens of people were injured in the blast.');
select 'ct_15', value, low, high from counts('Tens of thousands of people fled the city.');
select 'ct_16', value, category from counts('Two dozen fighters were captured near the border.');
select 'ct_17', value, category from counts('Trois millions de personnes vivent dans la province.');

-- un/une is 1 only when it counts a casualty
select 'ct_18', value, category, who from counts('Un soldat a été tué lors de l''attaque.');
select 'ct_19', count(*) from counts('Un soldat a ouvert le feu sur la foule.');
select 'ct_20', value, category, who from counts('A child was killed when the shell hit the house.');

-- qualifiers
select 'ct_21', qualifier, low, high from counts('Au moins 12 civils ont été tués.');
select 'ct_22', qualifier, low, high from counts('Environ 40 personnes ont été blessées.');
select 'ct_23', qualifier, low, high from counts('Jusqu''à 30 personnes seraient mortes.');
select 'ct_24', qualifier, low, high from counts('As many as 30 people were killed.');
select 'ct_25', qualifier from counts('Nearly 200 people were arrested.');
select 'ct_26', qualifier from counts('Moins de 10 soldats ont été blessés.');

-- categories, active, passive and nominal forms
select 'ct_27', value, category from counts('Le conflit a fait 380.000 morts.');
select 'ct_28', value, category from counts('Le bilan s''élève à 27 morts.');
select 'ct_29', value, category, who from counts('Gunmen opened fire, killing 12 villagers.');
select 'ct_30', value, category from counts('12 killed, 30 injured in the attack.');
select 'ct_31', value, category, who from counts('Cinq jihadistes ont été neutralisés par l''armée.');
select 'ct_32', value, category from counts('Police arrested 45 protesters in the capital.');
select 'ct_33', value, category from counts('Quinze personnes ont été enlevées par des hommes armés.');
select 'ct_34', value, category from counts('Sept villages et localités sont tombés aux mains du régime.');
select 'ct_35', value, category, event from counts('The coalition carried out 32 airstrikes overnight.');
select 'ct_36', value, category, who from counts('About 300 soldiers were deployed in the town.');
select 'ct_37', value, category from counts('Trois personnes sont portées disparues.');
select 'ct_38', value, category from counts('More than 2,000 people were evacuated from the area.');

-- subsets: part_of points at the enclosing count, sums do not double count
select 'ct_39', value, category, who, part_of
  from counts('Les combats ont fait 187 morts dont 77 membres des forces prorégime et 110 jihadistes.');
select 'ct_40', value, category, who, part_of
  from counts('Four people were killed, including two policemen.');
select 'ct_41', sum(value) from counts('Les combats ont fait 187 morts dont 77 soldats et 110 jihadistes.')
  where category = 'killed' and part_of is null;
select 'ct_42', sum(value) from counts('Militants killed two soldiers in the ambush. 2 fatalities.')
  where category = 'killed' and part_of is null;

-- not counts
select 'ct_43', count(*) from counts('Le 26 janvier 2020, en 24 heures, à 15 km de la ville, 70% du pays.');
select 'ct_44', count(*) from counts('On 9 May 2020 at 10:30, a $5 million fund; resolution 2254; the M5 highway.');
select 'ct_45', count(*) from counts('Un enfant de 12 ans, le 2e jour, la troisième fois, Covid-19.');
select 'ct_46', count(*) from counts('The 12-year-old boy was released after 3 days.');

-- JSON, positions, a join over a table of articles
select 'ct_47', extract_counts('Au moins 12 civils ont été tués.');
select 'ct_48', json_valid(extract_counts('Selon l''ONU, près de 27.000 personnes ont été tuées et un million de déplacés.'));
select 'ct_49', json_array_length(json_array(extract_counts('12 killed.')));
create table articles(id integer primary key, body text);
insert into articles(body) values
  ('Selon l''OSDH, au moins 19 civils, dont sept enfants, ont été tués dimanche à Idleb.'),
  ('Près de 200 personnes ont fui les combats, et 3 soldats ont été blessés.'),
  ('On 3 May 2020, gunmen killed 4 farmers in the village. 4 fatalities.'),
  (NULL), ('');
select 'ct_50', a.id, c.value, c.category, c.part_of from articles a, counts(a.body) c order by a.id, c.start;
select 'ct_51', count(*) from articles a, counts(a.body) c where substr(a.body, c.start, c.length) <> c.text;
select 'ct_52', a.id, sum(c.value) from articles a, counts(a.body) c
  where c.category = 'killed' and c.part_of is null group by a.id;
select 'ct_53', id, extract_counts(body) is null, extract_counts(body) = '[]' from articles where id > 3;

-- options
select 'ct_54', count(*) from counts('12 soldiers were killed and 30 injured.', '{"categories":"wounded"}');
select 'ct_55', value from counts('Deux soldats ont été tués.', '{"lang":"fr"}');
select 'ct_56', count(*) from counts('Deux soldats ont été tués.', '{"lang":"en"}');

-- bad input
select 'ct_57', extract_counts(NULL);
select 'ct_58', extract_counts('');
select 'ct_59', count(*) from counts(NULL);
select 'ct_60', count(*) from counts('99999999999999999999999999 people were killed.');
select 'ct_61', count(*) from counts(printf('%.*c', 100000, '7') || ' killed');
select 'ct_62', json_valid(extract_counts(replace(printf('%.*c', 20000, 'x'), 'x', 'un deux ')));
select 'ct_63', extract_counts(x'3132206b696c6c6564');
select 'ct_64', extract_counts('12 killed', '{"colour":"red"}');
select 'ct_65', extract_counts('12 killed', '{"lang":"de"}');
select 'ct_66', extract_counts('12 killed', '{"categories":"killed,dead"}');
select 'ct_67', extract_counts('12 killed', 'not json');
