ALTER TABLE public.child DROP COLUMN note;

ALTER TABLE public.base ADD COLUMN note text;

ALTER TABLE public.child ADD COLUMN a2 integer;

ALTER TABLE public.base DROP COLUMN extra;

ALTER TABLE public.child DROP COLUMN x;

ALTER TABLE public.grandchild DROP COLUMN y;
