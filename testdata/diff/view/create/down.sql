DROP VIEW public.active_t;

DROP MATERIALIZED VIEW public.t_count;
