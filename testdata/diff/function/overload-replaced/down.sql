SET LOCAL check_function_bodies = off;

DROP VIEW public.v;

CREATE OR REPLACE FUNCTION public.f(a integer)
 RETURNS integer
 LANGUAGE sql COST 100
AS $$select a$$;

CREATE FUNCTION public.f(a text)
 RETURNS text
 LANGUAGE sql COST 100
AS $$select a$$;

DROP FUNCTION public.f(text, text);

CREATE VIEW public.v AS
SELECT f(1) AS x;
