SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.add1(i integer)
 RETURNS integer
 LANGUAGE sql IMMUTABLE COST 100
AS $$ SELECT i + 2 $$;

CREATE FUNCTION public.twice(i integer)
 RETURNS integer
 LANGUAGE sql COST 100
RETURN i * 2;
