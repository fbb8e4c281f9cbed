ALTER TABLE public.kept SET (toast.autovacuum_enabled=false);

ALTER TABLE public.kept DROP COLUMN note;
