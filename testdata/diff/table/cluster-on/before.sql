-- CLUSTER ON: set, moved to the primary key, removed, kept on an index
-- that is built again (the mark is the index's and goes with it), and on
-- a new table.
CREATE TABLE a (id int PRIMARY KEY, v int);
CREATE INDEX a_v ON a (v);
CREATE TABLE b (id int PRIMARY KEY, v int);
CREATE INDEX b_v ON b (v);
ALTER TABLE b CLUSTER ON b_v;
CREATE TABLE c (id int PRIMARY KEY, v int);
ALTER TABLE c CLUSTER ON c_pkey;
CREATE TABLE d (id int, v int, w int);
CREATE INDEX d_idx ON d (v);
ALTER TABLE d CLUSTER ON d_idx;
