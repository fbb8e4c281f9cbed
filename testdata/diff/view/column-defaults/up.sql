SET LOCAL check_function_bodies = off;

CREATE FUNCTION public.next_id()
 RETURNS integer
 LANGUAGE sql COST 100
AS $$SELECT 42$$;

ALTER TABLE public.open_orders ALTER COLUMN id SET DEFAULT next_id();

ALTER TABLE public.open_orders ALTER COLUMN qty SET DEFAULT 2;

CREATE VIEW public.big_orders AS
SELECT id, qty FROM orders WHERE qty > 10;

ALTER TABLE public.big_orders ALTER COLUMN qty SET DEFAULT 11;
