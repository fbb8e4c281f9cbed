CREATE TABLE kept (id int, note text) WITH (toast.autovacuum_enabled = false);
ALTER TABLE kept DROP COLUMN note;
