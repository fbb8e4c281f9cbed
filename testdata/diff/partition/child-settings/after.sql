-- The root's target changes, which reaches ev_1 and ev_2 (ev_2 then takes
-- its own back, ONLY); the method changes, which reaches no partition,
-- so each is given it; a new partition created after the root's target
-- was set has none of its own (the root's change comes first); doc_x
-- keeps its storage while doc's method changes.
CREATE TABLE ev (id int, body text COMPRESSION lz4, n numeric) PARTITION BY RANGE (id);
CREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM (0) TO (100);
CREATE TABLE ev_2 PARTITION OF ev FOR VALUES FROM (100) TO (200);
ALTER TABLE ev ALTER COLUMN n SET STATISTICS 100;
CREATE TABLE ev_3 PARTITION OF ev FOR VALUES FROM (200) TO (300);
ALTER TABLE ONLY ev_2 ALTER COLUMN n SET STATISTICS 20;

CREATE TABLE doc (id int, body text COMPRESSION lz4);
CREATE TABLE doc_x (extra int) INHERITS (doc);
ALTER TABLE ONLY doc_x ALTER COLUMN body SET STORAGE MAIN;
