CREATE TABLE t (id int, active bool);
CREATE VIEW active_t AS SELECT id FROM t WHERE active;
CREATE MATERIALIZED VIEW t_count AS SELECT count(*) AS n FROM t;
