SET LOCAL check_function_bodies = off;

DROP CAST (integer AS public.mood);

CREATE TYPE public.pair AS (a integer, b integer);

CREATE FUNCTION public.pair_text(public.pair)
 RETURNS text
 LANGUAGE sql COST 100
AS $$ SELECT $1.a || ',' || $1.b $$;

CREATE CAST (integer AS public.mood) WITH FUNCTION public.mood_of(integer) AS ASSIGNMENT;

CREATE CAST (public.pair AS text) WITH FUNCTION public.pair_text(public.pair) AS IMPLICIT;

COMMENT ON CAST (integer AS public.mood) IS 'positive is happy';

DROP CAST (public.mood AS text);
