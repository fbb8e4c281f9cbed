SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.add1(i integer)
 RETURNS integer
 LANGUAGE sql COST 100
AS $$ SELECT i + 1 $$;

DROP FUNCTION public.twice(integer);
