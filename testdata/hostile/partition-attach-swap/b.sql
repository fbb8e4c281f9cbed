-- The unique index becomes a primary key of the partitioned table, whose
-- partitions' keys PostgreSQL makes (ev_a's own key goes), and ev_b
-- keeps a unique index of its own beside it.
CREATE TABLE ev (id int NOT NULL, kind text NOT NULL, body text) PARTITION BY LIST (kind);
CREATE TABLE ev_a PARTITION OF ev FOR VALUES IN ('a');
CREATE TABLE ev_b PARTITION OF ev FOR VALUES IN ('b');
ALTER TABLE ev ADD CONSTRAINT ev_pkey PRIMARY KEY (kind, id);
CREATE UNIQUE INDEX ev_b_body ON ev_b (kind, id) WHERE body IS NOT NULL;
