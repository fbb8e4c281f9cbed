ALTER TABLE public.child ALTER COLUMN id DROP NOT NULL;

ALTER TABLE public.child ALTER COLUMN v SET DEFAULT 7;

COMMENT ON COLUMN public.child.id IS 'the child''s own comment';

COMMENT ON COLUMN public.measure_a.id IS 'the partition''s own comment';

GRANT SELECT (id) ON TABLE public.child TO PUBLIC;

ALTER TABLE public.base DROP COLUMN w;

ALTER TABLE public.measure DROP COLUMN note;
