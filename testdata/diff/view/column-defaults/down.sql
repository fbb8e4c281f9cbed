DROP VIEW public.fresh;

DROP VIEW public.recent;

ALTER TABLE public.open_orders ALTER COLUMN id DROP DEFAULT;

DROP VIEW public.open_orders;

CREATE VIEW public.open_orders AS
SELECT id, status, qty FROM orders WHERE status = 'open';

ALTER TABLE public.open_orders ALTER COLUMN qty SET DEFAULT 1;

ALTER TABLE public.open_orders ALTER COLUMN status SET DEFAULT 'open';

CREATE VIEW public.recent AS
SELECT id, note FROM orders;

ALTER TABLE public.recent ALTER COLUMN note SET DEFAULT 'n/a';

DROP FUNCTION public.next_id();
