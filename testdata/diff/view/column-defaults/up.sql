SET LOCAL check_function_bodies = off;

DROP VIEW public.recent;

CREATE FUNCTION public.next_id()
 RETURNS integer
 LANGUAGE sql COST 100
AS $$SELECT 42$$;

ALTER TABLE public.open_orders ALTER COLUMN id SET DEFAULT next_id();

ALTER TABLE public.open_orders ALTER COLUMN qty DROP DEFAULT;

CREATE VIEW public.fresh AS
SELECT id, qty FROM orders;

ALTER TABLE public.fresh ALTER COLUMN qty SET DEFAULT 2 + 3;

CREATE VIEW public.recent AS
SELECT id, note, status FROM orders;

ALTER TABLE public.recent ALTER COLUMN note SET DEFAULT 'none';

COMMENT ON COLUMN public.open_orders.id IS 'taken from next_id()';
