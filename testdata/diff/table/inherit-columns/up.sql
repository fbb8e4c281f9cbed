ALTER TABLE public.base ADD COLUMN extra text;

ALTER TABLE public.grandchild ADD COLUMN y integer;

ALTER TABLE public.base DROP COLUMN note;

ALTER TABLE public.child DROP COLUMN a2;

ALTER TABLE public.child ADD COLUMN note text;

ALTER TABLE public.child ADD COLUMN x integer;
