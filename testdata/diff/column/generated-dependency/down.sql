ALTER TABLE public.g DROP COLUMN doubled;

ALTER TABLE public.g ALTER COLUMN nm TYPE numeric;

ALTER TABLE public.g ADD COLUMN doubled numeric GENERATED ALWAYS AS (nm * 2) STORED;
