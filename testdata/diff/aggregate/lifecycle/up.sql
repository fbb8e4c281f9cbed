SET LOCAL check_function_bodies = off;

DROP VIEW public.totals;

DROP AGGREGATE public.biggest(integer);

DROP AGGREGATE public.total(integer);

CREATE FUNCTION public._middle(anyarray)
 RETURNS anyelement
 LANGUAGE sql IMMUTABLE COST 100
AS $$ SELECT ($1)[array_length($1, 1) / 2 + 1] $$;

CREATE FUNCTION public.my_row_number()
 RETURNS bigint
 LANGUAGE internal WINDOW COST 1
AS $$window_row_number$$;

CREATE AGGREGATE public.biggest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);

CREATE AGGREGATE public.median(integer) (SFUNC = array_append, STYPE = integer[], FINALFUNC = public._middle, INITCOND = '{}', PARALLEL = SAFE);

CREATE AGGREGATE public.middle(double precision ORDER BY anyelement) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);

CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '100');

CREATE VIEW public.totals AS
SELECT total(v) AS t FROM readings;

COMMENT ON AGGREGATE public.biggest(integer) IS 'the largest value';

COMMENT ON AGGREGATE public.median(integer) IS 'the middle value';

ALTER AGGREGATE public.median(integer) OWNER TO autogen_owner;

REVOKE EXECUTE ON FUNCTION public.median(integer) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION public.median(integer) TO autogen_reader;

DROP AGGREGATE public.old_sum(integer);
