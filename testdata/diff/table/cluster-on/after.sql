-- CLUSTER ON: set, moved to the primary key, removed, kept on an index
-- that is built again (the mark is the index's and goes with it), and on
-- a new table.
CREATE TABLE a (id int PRIMARY KEY, v int);
CREATE INDEX a_v ON a (v);
ALTER TABLE a CLUSTER ON a_v;
CREATE TABLE b (id int PRIMARY KEY, v int);
CREATE INDEX b_v ON b (v);
ALTER TABLE b CLUSTER ON b_pkey;
CREATE TABLE c (id int PRIMARY KEY, v int);
CREATE TABLE d (id int, v int, w int);
CREATE INDEX d_idx ON d (v, w);
ALTER TABLE d CLUSTER ON d_idx;
CREATE TABLE e (id int PRIMARY KEY);
ALTER TABLE e CLUSTER ON e_pkey;
