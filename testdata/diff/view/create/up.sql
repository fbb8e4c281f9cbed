CREATE VIEW public.active_t AS
SELECT id FROM t WHERE active;

CREATE MATERIALIZED VIEW public.t_count AS
SELECT count(*) AS n FROM t;
