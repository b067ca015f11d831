-- FTS5 tokenizer `conflict`: spelling-insensitive names, aliases, offsets.
.mode list
.nullvalue NULL
.headers off
CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='conflict');
INSERT INTO docs(rowid, body) VALUES
 (1, 'Des frappes aériennes sur Maaret al-Noomane ont tué 12 civils, selon l''OSDH.'),
 (2, 'Ma''arrat an-Nu''man was shelled overnight; Syria''s army advanced from the south.'),
 (3, 'Heavy fighting was reported near Aleppo and in the countryside of Idlib.'),
 (4, 'Les combats se poursuivent à Alep, où des obus sont tombés sur un marché.'),
 (5, 'قصف على حلب أسفر عن مقتل ثلاثة مدنيين'),
 (6, 'Hayat Tahrir al-Cham (HTS) a revendiqué l''attaque contre un poste de l''armée.'),
 (7, 'The jihadist group Hayat Tahrir al-Sham denied any role in the attack.'),
 (8, 'Deir ez-Zor and Dayr az Zawr are two spellings; so are Kamechliyé and Qamishli.'),
 (9, 'Le convoi a quitté Sour pour Beyrouth.'),
 (10, 'Un attentat a frappé un marché de Mogadiscio mardi, selon la police.');

CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='conflict keys 0 places 0 actors 0');
INSERT INTO plain(rowid, body) SELECT rowid, body FROM docs;

-- spelling-insensitive phrases (the query must be quoted: '-' is FTS5 syntax)
SELECT 'ft_01', group_concat(rowid) FROM docs WHERE docs MATCH '"Maarat al-Numan"';
SELECT 'ft_02', group_concat(rowid) FROM docs WHERE docs MATCH '"Maaret al-Noomane"';
SELECT 'ft_03', group_concat(rowid) FROM docs WHERE docs MATCH '"Ma''arrat an-Nu''man"';
SELECT 'ft_04', group_concat(rowid) FROM docs WHERE docs MATCH '"Deir ez-Zor"';
SELECT 'ft_05', group_concat(rowid) FROM docs WHERE docs MATCH 'Qamishli';
SELECT 'ft_06', group_concat(rowid) FROM docs WHERE docs MATCH '"Hayat Tahrir al-Sham"';
-- aliases through the gazetteer and the actor list (canonical ids)
SELECT 'ft_07', group_concat(rowid) FROM docs WHERE docs MATCH 'Alep';
SELECT 'ft_08', group_concat(rowid) FROM docs WHERE docs MATCH 'Aleppo';
SELECT 'ft_09', group_concat(rowid) FROM docs WHERE docs MATCH 'حلب';
SELECT 'ft_10', group_concat(rowid) FROM docs WHERE docs MATCH 'HTS';
-- different keys (Mogadiscio ~mkds, Mogadishu ~mkdx), one place id
SELECT 'ft_10b', group_concat(rowid) FROM docs WHERE docs MATCH 'Mogadishu';
SELECT 'ft_10c', group_concat(rowid) FROM plain WHERE plain MATCH 'Mogadishu';
-- lower-case words match their folded form only: 'sur' (on) is not 'Syria' nor 'Sour'
SELECT 'ft_11', group_concat(rowid) FROM docs WHERE docs MATCH 'sur';
SELECT 'ft_12', group_concat(rowid) FROM docs WHERE docs MATCH 'syria';
-- accents and case folded; elisions split; prefix queries
SELECT 'ft_13', group_concat(rowid) FROM docs WHERE docs MATCH 'tue AND osdh';
SELECT 'ft_14', group_concat(rowid) FROM docs WHERE docs MATCH 'AERIENNES';
SELECT 'ft_15', group_concat(rowid) FROM docs WHERE docs MATCH 'attaqu*';
SELECT 'ft_16', group_concat(rowid) FROM docs WHERE docs MATCH 'armee';
-- highlight() and snippet(): byte offsets land on the words as written
SELECT 'ft_17', highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH '"Maarat al-Numan"' ORDER BY rowid;
SELECT 'ft_18', snippet(docs, 0, '[', ']', '…', 5) FROM docs WHERE docs MATCH 'tue' ORDER BY rowid;
SELECT 'ft_19', highlight(docs, 0, '<', '>') FROM docs WHERE docs MATCH 'marche' ORDER BY rowid;
SELECT 'ft_20', highlight(docs, 0, '<', '>') FROM docs WHERE docs MATCH 'Aleppo' ORDER BY rowid;
-- the tokens of one row, as indexed (ids shown as #p/#a: their values follow the gazetteer)
CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'instance');
SELECT 'ft_21', group_concat(t || '@' || offset, ' ') FROM (
  SELECT CASE WHEN term LIKE '#%' THEN substr(term, 1, 2) ELSE term END AS t, offset
    FROM vocab WHERE doc = 2 ORDER BY offset, t);
-- a place id is a GeoNames id when the place has one: Mogadishu, the Banaadir region that is the city, is 64833
SELECT 'ft_21b', group_concat(DISTINCT term) FROM vocab WHERE doc = 10 AND term LIKE '#p%';
-- options: key/value pairs, 0 or 1 (table plain: keys 0 places 0 actors 0)
SELECT 'ft_22', group_concat(rowid) FROM plain WHERE plain MATCH '"Maarat al-Numan"';
SELECT 'ft_23', group_concat(rowid) FROM plain WHERE plain MATCH 'aeriennes';
CREATE VIRTUAL TABLE marks USING fts5(body, tokenize='conflict remove_diacritics 0');
INSERT INTO marks(rowid, body) SELECT rowid, body FROM docs;
SELECT 'ft_24', group_concat(rowid) FROM marks WHERE marks MATCH 'aeriennes';
SELECT 'ft_25', group_concat(rowid) FROM marks WHERE marks MATCH 'aériennes';
SELECT 'ft_26', group_concat(rowid) FROM marks WHERE marks MATCH 'AÉRIENNES';
-- bad arguments: odd count, unknown key, bad value
CREATE VIRTUAL TABLE bad1 USING fts5(body, tokenize='conflict keys');
CREATE VIRTUAL TABLE bad2 USING fts5(body, tokenize='conflict stem 1');
CREATE VIRTUAL TABLE bad3 USING fts5(body, tokenize='conflict keys yes');
-- invalid UTF-8 in a column is tokenized around the bad bytes
INSERT INTO plain(rowid, body) VALUES (20, CAST(X'416C657070FF6F20494420' AS TEXT) || 'Idlib');
SELECT 'ft_27', group_concat(rowid) FROM plain WHERE plain MATCH 'idlib';
-- empty text and NULL index nothing
INSERT INTO docs(rowid, body) VALUES (30, ''), (31, NULL);
SELECT 'ft_28', count(*) FROM docs WHERE docs MATCH 'idlib';
-- a contentless-delete round trip keeps the index consistent
DELETE FROM docs WHERE rowid = 1;
INSERT INTO docs(docs) VALUES ('integrity-check');
SELECT 'ft_29', group_concat(rowid) FROM docs WHERE docs MATCH '"Maarat al-Numan"';
