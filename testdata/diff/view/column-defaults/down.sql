DROP VIEW public.big_orders;

ALTER TABLE public.open_orders ALTER COLUMN id DROP DEFAULT;

DROP VIEW public.open_orders;

CREATE VIEW public.open_orders AS
SELECT id, status, qty FROM orders WHERE status = 'open';

ALTER TABLE public.open_orders ALTER COLUMN qty SET DEFAULT 1;

ALTER TABLE public.open_orders ALTER COLUMN status SET DEFAULT 'open';

DROP FUNCTION public.next_id();
