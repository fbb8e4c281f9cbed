DROP VIEW public.big_orders;

ALTER TABLE public.open_orders ALTER COLUMN id DROP DEFAULT;

ALTER TABLE public.open_orders ALTER COLUMN qty SET DEFAULT 1;

DROP FUNCTION public.next_id();
