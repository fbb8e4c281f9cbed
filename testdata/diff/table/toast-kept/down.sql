ALTER TABLE public.kept RESET (toast.autovacuum_enabled);

ALTER TABLE public.kept ADD COLUMN note text;
