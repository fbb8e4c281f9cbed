-- Settings PostgreSQL keeps per table (storage, compression method,
-- statistics target, attribute options) on partitions, sub-partitions and
-- inheritance children, changed on parents and children alike.
CREATE TABLE ev (id int, kind text, body text, n numeric, note text) PARTITION BY RANGE (id);
CREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM (0) TO (100) PARTITION BY LIST (kind);
CREATE TABLE ev_1a PARTITION OF ev_1 FOR VALUES IN ('a');
CREATE TABLE ev_2 PARTITION OF ev FOR VALUES FROM (100) TO (200);
ALTER TABLE ev ALTER COLUMN n SET STATISTICS 300;
ALTER TABLE ev ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE ONLY ev_2 ALTER COLUMN n SET STATISTICS 20;
ALTER TABLE ev_1a ALTER COLUMN note SET (n_distinct = 7);
CREATE TABLE loose (id int, kind text, body text COMPRESSION lz4, n numeric, note text);

CREATE TABLE doc (id int, body text, tag text);
CREATE TABLE doc_x (extra int) INHERITS (doc);
CREATE TABLE doc_y (extra int) INHERITS (doc);
ALTER TABLE ONLY doc_y ALTER COLUMN tag SET STORAGE MAIN;
ALTER TABLE doc ALTER COLUMN tag SET STATISTICS 50;
