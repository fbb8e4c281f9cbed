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
-- Compression methods and statistics targets. ALTER ... SET STATISTICS
-- recurses to a table's partitions and children, SET COMPRESSION does
-- not; a child or partition created later takes its parent's compression
-- method but not its statistics target, and LIKE copies the method with
-- INCLUDING COMPRESSION.
CREATE TABLE tuning (id int, body text COMPRESSION lz4, doc text, n numeric);
ALTER TABLE tuning ALTER COLUMN doc SET COMPRESSION pglz;
ALTER TABLE tuning ALTER COLUMN n SET STATISTICS 500;
ALTER TABLE tuning ALTER COLUMN id SET STATISTICS 0;
ALTER TABLE tuning ALTER COLUMN body SET STATISTICS 20000;
ALTER TABLE tuning ALTER COLUMN body SET STATISTICS -1;
CREATE TABLE tuning_child (extra int) INHERITS (tuning);
CREATE TABLE tuning_like (LIKE tuning INCLUDING COMPRESSION);
CREATE TABLE tuning_parts (id int, v text) PARTITION BY RANGE (id);
CREATE TABLE tuning_p1 PARTITION OF tuning_parts FOR VALUES FROM (0) TO (10);
ALTER TABLE tuning_parts ALTER COLUMN v SET COMPRESSION lz4;
ALTER TABLE tuning_parts ALTER COLUMN v SET STATISTICS 300;
CREATE TABLE tuning_p2 PARTITION OF tuning_parts FOR VALUES FROM (10) TO (20);
ALTER TABLE tuning_child ALTER COLUMN n SET STATISTICS 50;
-- Attribute options: set, merged and reset; neither recursing to a
-- partition or child nor inherited by one created later.
CREATE TABLE optd (id int, v int, w numeric) PARTITION BY RANGE (id);
CREATE TABLE optd_1 PARTITION OF optd FOR VALUES FROM (0) TO (10);
ALTER TABLE optd ALTER COLUMN v SET (n_distinct = 100.0, n_distinct_inherited = -0.5);
ALTER TABLE optd ALTER COLUMN w SET (n_distinct = 5);
ALTER TABLE optd ALTER COLUMN w RESET (n_distinct);
CREATE TABLE optd_2 PARTITION OF optd FOR VALUES FROM (10) TO (20);
ALTER TABLE optd_2 ALTER COLUMN v SET (n_distinct = -1);
CREATE TABLE optb (id int, v int);
ALTER TABLE ONLY optb ALTER COLUMN v SET (n_distinct=7);
CREATE TABLE optc () INHERITS (optb);

-- Parameters keep the order they were written in; SET moves what it sets
-- to the end, and the toast table's follow the table's own.
CREATE TABLE opt_order (id int, v text) WITH (toast.autovacuum_enabled=false, fillfactor=70, autovacuum_enabled=false, toast.vacuum_truncate=false);
ALTER TABLE opt_order SET (fillfactor=60, autovacuum_vacuum_scale_factor=0.01);
ALTER TABLE opt_order SET (toast.autovacuum_enabled=true);
CREATE INDEX opt_order_id ON opt_order (id) WITH (fillfactor=50, deduplicate_items=off);
ALTER INDEX opt_order_id SET (fillfactor=40);
CREATE VIEW opt_order_v WITH (security_invoker=true, security_barrier=true) AS SELECT id FROM opt_order WITH CHECK OPTION;
ALTER VIEW opt_order_v SET (security_invoker=false);
ALTER TABLE opt_order ALTER COLUMN v SET (n_distinct_inherited=5, n_distinct=-0.5);
ALTER TABLE opt_order ALTER COLUMN v SET (n_distinct_inherited=6);
