ALTER TABLE public.child NO INHERIT public.parent;

ALTER TABLE public.child DROP CONSTRAINT parent_id_positive;

ALTER TABLE public.child ALTER COLUMN id DROP NOT NULL;

ALTER TABLE public.child DROP COLUMN v;
