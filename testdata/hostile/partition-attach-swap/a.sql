-- A partition's own primary key serves a plain partitioned unique index;
-- another partition has the index PostgreSQL made for it.
CREATE TABLE ev (id int NOT NULL, kind text NOT NULL, body text) PARTITION BY LIST (kind);
CREATE TABLE ev_a PARTITION OF ev FOR VALUES IN ('a');
CREATE TABLE ev_b PARTITION OF ev FOR VALUES IN ('b');
ALTER TABLE ev_a ADD CONSTRAINT ev_a_own_pk PRIMARY KEY (kind, id);
CREATE UNIQUE INDEX ev_kind_id ON ev (kind, id);
INSERT INTO ev SELECT g, CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, 'x' FROM generate_series(1, 200) g;
