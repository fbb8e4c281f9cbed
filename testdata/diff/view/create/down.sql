DROP MATERIALIZED VIEW public.t_count;

DROP VIEW public.active_t;
