-- A partition's validated copy of its parent's NOT VALID check is to be
-- not valid (b.sql): PostgreSQL cannot undo a validation, so the parent's
-- check is dropped and added again, and the partition that keeps its
-- validated copy is validated again. Rows in the partitions.
CREATE TABLE events (kind text NOT NULL, n int) PARTITION BY LIST (kind);
ALTER TABLE events ADD CONSTRAINT events_n CHECK (n <> 0) NOT VALID;
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE events_b PARTITION OF events FOR VALUES IN ('b');
INSERT INTO events VALUES ('a', 1), ('b', 2);
