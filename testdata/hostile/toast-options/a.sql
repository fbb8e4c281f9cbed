-- Storage parameters of TOAST tables (toast.*), which PostgreSQL keeps
-- only where the table has a TOAST table: one is made with a table that
-- has a column stored out of line, or by an ALTER TABLE that adds one; a
-- table of fixed-length columns (an enum's included) or a partitioned
-- table has none, and drops them without a word. (A TOAST table stays
-- when its last such column goes: golden table/toast-kept.)
CREATE TABLE later (id int);
CREATE TABLE wide (id int, note text) WITH (toast.autovacuum_enabled = false);
INSERT INTO wide VALUES (1, 'x');
