SET LOCAL check_function_bodies = off;

DROP VIEW public.tagged;

ALTER TABLE public.open_orders ALTER COLUMN id DROP DEFAULT;

ALTER TABLE public.plain ALTER COLUMN id DROP DEFAULT;

DROP FUNCTION public.next_id();

CREATE FUNCTION public.next_id()
 RETURNS integer
 LANGUAGE sql COST 100
AS $$SELECT 42$$;

ALTER TABLE public.open_orders ALTER COLUMN id SET DEFAULT next_id();

ALTER TABLE public.plain ALTER COLUMN id SET DEFAULT next_id();

CREATE VIEW public.tagged AS
SELECT id, next_id() AS tag FROM orders;

ALTER TABLE public.tagged ALTER COLUMN id SET DEFAULT next_id();
