ALTER TABLE public.t ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric(10,2);

ALTER TABLE public.t ALTER COLUMN code TYPE character varying(40);

ALTER TABLE public.t ALTER COLUMN qty TYPE bigint;
