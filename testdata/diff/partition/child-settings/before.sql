-- A partition tree and an inheritance child whose tables keep settings of
-- their own: a partition's statistics target apart from its parent's,
-- an inheritance child's storage.
CREATE TABLE ev (id int, body text, n numeric) PARTITION BY RANGE (id);
CREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM (0) TO (100);
CREATE TABLE ev_2 PARTITION OF ev FOR VALUES FROM (100) TO (200);
ALTER TABLE ev ALTER COLUMN n SET STATISTICS 300;
ALTER TABLE ONLY ev_2 ALTER COLUMN n SET STATISTICS 20;

CREATE TABLE doc (id int, body text);
CREATE TABLE doc_x (extra int) INHERITS (doc);
ALTER TABLE ONLY doc_x ALTER COLUMN body SET STORAGE MAIN;
