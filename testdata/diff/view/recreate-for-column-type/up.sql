DROP VIEW public.tv;

ALTER TABLE public.t ALTER COLUMN v TYPE bigint;

CREATE VIEW public.tv AS
SELECT v FROM t;
