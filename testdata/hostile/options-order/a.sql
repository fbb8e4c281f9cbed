-- Storage parameters in the order they were written, which PostgreSQL
-- keeps and pg_dump prints; rows in the tables.
CREATE TABLE t (id int, v text) WITH (fillfactor=70, autovacuum_enabled=false, toast.autovacuum_enabled=false, autovacuum_vacuum_scale_factor=0.01);
CREATE TABLE t2 (id int) WITH (toast_tuple_target=256, fillfactor=80);
CREATE INDEX t_id ON t (id) WITH (fillfactor=60, deduplicate_items=off);
CREATE VIEW v WITH (security_invoker=true, security_barrier=true) AS SELECT id FROM t;
ALTER TABLE t ALTER COLUMN v SET (n_distinct_inherited=5, n_distinct=-0.5);
INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g;
