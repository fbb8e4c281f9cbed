ALTER TABLE public.solo NO INHERIT public.base;

ALTER TABLE public.solo DROP CONSTRAINT base_id_check;

ALTER TABLE public.solo DROP COLUMN d;
