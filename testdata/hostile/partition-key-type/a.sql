-- Columns of partition keys change type: a range key widened from integer
-- to bigint (a partitioned partition under it, a foreign key into the tree)
-- and a list key from text to varchar, with rows in every partition.
-- PostgreSQL cannot alter a partition key's column, so the trees are
-- rewritten with their rows converted.
CREATE TABLE hits (id bigint NOT NULL, day int NOT NULL, note text, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE hits_1 PARTITION OF hits FOR VALUES FROM (0) TO (100);
CREATE TABLE "Hits 2" PARTITION OF hits FOR VALUES FROM (100) TO (200) PARTITION BY RANGE (day);
CREATE TABLE hits_2a PARTITION OF "Hits 2" FOR VALUES FROM (100) TO (150);
CREATE TABLE hits_2b PARTITION OF "Hits 2" DEFAULT;
CREATE TABLE visits (hit bigint, day int, FOREIGN KEY (hit, day) REFERENCES hits);
INSERT INTO hits VALUES (1, 5, 'x'), (2, 120, 'a'), (3, 160, 'zz');
INSERT INTO visits VALUES (1, 5), (2, 120);
CREATE TABLE tags (t text NOT NULL, n int) PARTITION BY LIST (t);
CREATE TABLE tags_a PARTITION OF tags FOR VALUES IN ('a', 'b');
CREATE TABLE tags_other PARTITION OF tags DEFAULT;
INSERT INTO tags VALUES ('a', 1), ('q', 2);
