CREATE TABLE fixed (id int, d date) WITH (fillfactor = 90, toast.autovacuum_enabled = false);
CREATE TABLE later (id int) WITH (toast.autovacuum_enabled = false);
ALTER TABLE later ADD COLUMN note text;
CREATE TABLE p (id int, note text) PARTITION BY LIST (id);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1) WITH (toast.autovacuum_enabled = false);
CREATE TYPE mood AS ENUM ('a');
CREATE TABLE e (m mood) WITH (toast.autovacuum_enabled = false);
ALTER TABLE e SET (toast.vacuum_truncate = false);
CREATE TABLE wide (id int, note text) WITH (toast.autovacuum_enabled = true, toast.vacuum_truncate = false);
