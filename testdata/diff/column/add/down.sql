ALTER TABLE public.orders DROP COLUMN note;

ALTER TABLE public.orders DROP COLUMN status;
