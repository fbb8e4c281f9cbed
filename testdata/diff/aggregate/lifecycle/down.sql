DROP VIEW public.totals;

DROP AGGREGATE public.biggest(integer);

DROP AGGREGATE public.total(integer);

CREATE AGGREGATE public.biggest(integer) (SFUNC = int4larger, STYPE = integer);

CREATE AGGREGATE public.old_sum(integer) (SFUNC = int4pl, STYPE = integer);

CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');

CREATE VIEW public.totals AS
SELECT total(v) AS t FROM readings;

COMMENT ON AGGREGATE public.biggest(integer) IS 'the largest';

DROP AGGREGATE public.median(integer);

DROP AGGREGATE public.middle(double precision ORDER BY anyelement);

DROP FUNCTION public._middle(anyarray);

DROP FUNCTION public.my_row_number();
