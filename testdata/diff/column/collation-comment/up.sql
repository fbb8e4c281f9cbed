ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE pg_catalog."C";

COMMENT ON COLUMN public.t.name IS 'display name';

COMMENT ON TABLE public.t IS 'people';
