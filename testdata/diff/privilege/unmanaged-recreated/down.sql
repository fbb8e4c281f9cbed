SET LOCAL check_function_bodies = off;

DROP VIEW public.tv;

DROP FUNCTION public.twice(public.t);

ALTER TABLE public.t ALTER COLUMN v TYPE integer;

CREATE VIEW public.tv AS
SELECT v FROM t;

CREATE FUNCTION public.twice(public.t)
 RETURNS integer
 LANGUAGE sql COST 100
BEGIN ATOMIC SELECT (($1).v) * 2 AS "?column?"; END;

ALTER FUNCTION public.twice(public.t) OWNER TO autogen_owner;

ALTER VIEW public.tv OWNER TO autogen_owner;

REVOKE EXECUTE ON FUNCTION public.twice(public.t) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION public.twice(public.t) TO autogen_reader;

GRANT SELECT ON TABLE public.tv TO autogen_reader;
