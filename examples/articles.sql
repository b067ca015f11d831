-- Sample dispatches written for this project (fictional events in real places),
-- French and English, in the style of news-agency copy. Used by the demo,
-- the examples and the benchmarks.
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY,
  published TEXT NOT NULL,  -- dispatch date, the reference for relative dates
  lang TEXT,
  body TEXT NOT NULL
);
INSERT INTO articles(id, published, lang, body) VALUES
(1, '2021-03-12', 'fr',
 'ALEP, 12 mars 2021 (AFP) - Au moins 14 civils, dont cinq enfants, ont été tués jeudi dans des frappes aériennes sur la ville d''Ariha, dans la province d''Idleb, selon l''Observatoire syrien des droits de l''Homme (OSDH). Les forces du régime syrien, appuyées par l''aviation russe, bombardent depuis février le sud de la province.'),
(2, '2021-06-08', 'en',
 'MOSUL, Iraq, June 8 (Reuters) - More than 20 Islamic State fighters were killed and seven soldiers wounded in clashes near Tal Afar on Tuesday, a security source told Reuters. Iraqi forces have detained 35 suspects since May.'),
(3, '2022-04-05', 'fr',
 'BAMAKO, 5 avril 2022 (AFP) - Une trentaine de civils ont été tués dimanche lors d''une attaque attribuée aux jihadistes du JNIM près de Bandiagara, dans la région de Mopti, ont indiqué des élus locaux. Plus de 2.000 personnes ont fui vers Sévaré.'),
(4, '2023-02-14', 'en',
 'KYIV, Feb 14 (AFP) - Russian shelling killed three people and wounded 11 others in Kharkiv overnight, the regional governor said. Some 4,000 residents have been evacuated from Kupiansk since January, according to the United Nations.'),
(5, '2023-08-09', 'fr',
 'MOGADISCIO, 9 août 2023 - Les shebab ont revendiqué l''attentat qui a fait 12 morts et une cinquantaine de blessés mardi à Mogadiscio, selon un bilan officiel. L''explosion a détruit trois véhicules.'),
(6, '2021-10-02', 'en',
 'MAIDUGURI, Nigeria, Oct 2 - Boko Haram gunmen abducted at least 40 women near Gwoza in Borno State on Friday, residents told AFP. The army said it had rescued 12 of them.'),
(7, '2024-05-14', 'fr',
 'Des milliers de personnes ont fui les combats entre l''armée soudanaise et les Forces de soutien rapide (FSR) à El Facher, au Darfour-Nord, a indiqué l''ONU mardi. Selon Médecins sans frontières, 27 blessés ont été admis à l''hôpital depuis hier.'),
(8, '2022-01-30', 'en',
 'Houthi rebels fired two missiles at Marib on Sunday, killing eight civilians including three children, Yemen''s official Saba news agency said.'),
(9, '2020-02-03', 'fr',
 'Les forces prorégime se sont emparées de Maarat al-Noumane, dans le sud de la province d''Idlib, après des semaines de combats contre Hayat Tahrir al-Cham (HTS), a rapporté l''agence officielle Sana. Quelque 300.000 civils ont été déplacés depuis décembre.'),
(10, '2019-10-14', 'en',
 'Turkish forces and allied Syrian fighters pushed into Ras al-Ain on Sunday as the Kurdish-led SDF said at least 50 of its fighters had been killed since Wednesday in northeast Syria. Around 130,000 people have fled Tal Abyad and Ras al-Ain, the UN said.');
