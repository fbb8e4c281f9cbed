-- Storage parameters, column storage, unlogged tables.
CREATE UNLOGGED TABLE scratch (id int, payload text);
CREATE TABLE tuned (id int, payload text, blob bytea, n int) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false);
ALTER TABLE tuned ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE tuned ALTER COLUMN blob SET STORAGE EXTENDED;
ALTER TABLE tuned ALTER COLUMN n SET STORAGE PLAIN;
ALTER TABLE tuned SET (parallel_workers = 2);
ALTER TABLE tuned RESET (autovacuum_enabled);
CREATE TABLE logged_later (x int);
ALTER TABLE logged_later SET UNLOGGED;
ALTER TABLE scratch SET LOGGED;
CREATE TABLE replicated (id int PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX replicated_code ON replicated (code);
ALTER TABLE replicated REPLICA IDENTITY USING INDEX replicated_code;
CREATE TABLE replicated_full (id int);
ALTER TABLE replicated_full REPLICA IDENTITY FULL;
