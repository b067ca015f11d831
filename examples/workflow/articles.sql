-- Five short dispatches written for this example (fictional events in real
-- places), French and English. Every workflow example (shell, Python, Node, C)
-- builds this table, extracts places and counts, and aggregates.
CREATE TABLE articles(id INTEGER PRIMARY KEY, lang TEXT, body TEXT NOT NULL);
INSERT INTO articles(id, lang, body) VALUES
(1, 'fr', 'Au moins 9 civils ont été tués mardi dans un bombardement sur Saraqeb, dans la province d''Idleb, selon l''OSDH.'),
(2, 'en', 'Two soldiers were killed and 14 wounded when a roadside bomb hit a patrol near Kidal, in northern Mali.'),
(3, 'fr', 'Des frappes sur Alep ont fait 6 morts et une vingtaine de blessés, a indiqué la défense civile.'),
(4, 'en', 'Russian shelling killed three people in Kharkiv on Monday, and some 1,200 residents were evacuated from Kupiansk.'),
(5, 'fr', 'Une attaque contre un poste militaire près de Kidal a fait 11 morts parmi les soldats maliens.');
