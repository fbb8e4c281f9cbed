SET LOCAL check_function_bodies = off;

DROP VIEW public.tv;

DROP INDEX public.t_norm;

CREATE FUNCTION public.norm(x character varying)
 RETURNS text
 LANGUAGE sql IMMUTABLE COST 100
AS $$ SELECT lower(x) $$;

ALTER TABLE public.t ALTER COLUMN key DROP DEFAULT;

DROP FUNCTION public.norm(text);

ALTER TABLE public.t ALTER COLUMN key SET DEFAULT norm('X');

CREATE INDEX t_norm ON public.t ((norm(name)));

CREATE VIEW public.tv AS
SELECT norm(name) AS n FROM t;
