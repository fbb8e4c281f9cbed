-- A middle parameter changes, one goes, one comes, a toast one is added,
-- and a view's options are written in another order.
CREATE TABLE t (id int, v text) WITH (fillfactor=70, autovacuum_enabled=true, toast.autovacuum_enabled=false, toast.vacuum_truncate=false, autovacuum_analyze_scale_factor=0.02);
CREATE TABLE t2 (id int) WITH (fillfactor=80, toast_tuple_target=256);
CREATE INDEX t_id ON t (id) WITH (deduplicate_items=off, fillfactor=60);
CREATE VIEW v WITH (security_barrier=true, security_invoker=true) AS SELECT id FROM t WITH LOCAL CHECK OPTION;
ALTER TABLE t ALTER COLUMN v SET (n_distinct=-0.5, n_distinct_inherited=5);
