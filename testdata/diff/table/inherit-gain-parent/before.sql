-- A table gains a parent whose column it lacks and defines itself, with
-- a default of its own: the column is added as the table defines it
-- before INHERIT merges it (the table's default stays), and the check
-- INHERIT needs is added first too.
CREATE TABLE base (id int NOT NULL, d int DEFAULT 1, CONSTRAINT base_id_check CHECK (id > 0));
CREATE TABLE solo (id int NOT NULL, x int);
