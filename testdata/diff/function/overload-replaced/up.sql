SET LOCAL check_function_bodies = off;

DROP VIEW public.v;

CREATE OR REPLACE FUNCTION public.f(a integer)
 RETURNS integer
 LANGUAGE sql COST 100
AS $$select a + 1$$;

CREATE FUNCTION public.f(a text, b text DEFAULT 'x')
 RETURNS text
 LANGUAGE sql COST 100
AS $$select a || b$$;

DROP FUNCTION public.f(text);

CREATE VIEW public.v AS
SELECT f(1) AS x, f('y') AS y;
