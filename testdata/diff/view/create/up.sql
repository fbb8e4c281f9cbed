CREATE VIEW public.active_t AS
SELECT t.id AS id FROM public.t WHERE t.active;

CREATE MATERIALIZED VIEW public.t_count AS
SELECT count(*) AS n FROM public.t;
