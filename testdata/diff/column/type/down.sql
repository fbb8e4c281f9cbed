ALTER TABLE public.t ALTER COLUMN amount TYPE text;

ALTER TABLE public.t ALTER COLUMN code TYPE character varying(10);

ALTER TABLE public.t ALTER COLUMN qty TYPE integer;
