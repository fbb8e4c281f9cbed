ALTER TABLE public.base ADD COLUMN w integer;

ALTER TABLE public.child ALTER COLUMN id SET NOT NULL;

ALTER TABLE public.child ALTER COLUMN v SET DEFAULT 1;

ALTER TABLE public.measure ADD COLUMN note text DEFAULT 'x';

COMMENT ON COLUMN public.child.id IS NULL;

COMMENT ON COLUMN public.measure_a.id IS NULL;

REVOKE SELECT (id) ON TABLE public.child FROM PUBLIC;

ALTER TABLE public.child ALTER COLUMN w SET DEFAULT 9;

ALTER TABLE public.measure_a ALTER COLUMN note SET DEFAULT 'y';
