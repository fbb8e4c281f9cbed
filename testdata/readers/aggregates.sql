-- Aggregates: ordinary (new and old syntax), with a final function and an
-- initial condition, moving-aggregate options, ordered-set and
-- hypothetical-set aggregates, a sort operator, parallel safety; a window
-- function and a function with a planner support function.
CREATE SCHEMA stats;
CREATE FUNCTION stats._median(anyarray) RETURNS anyelement LANGUAGE sql IMMUTABLE
    AS $$ SELECT ($1)[array_length($1, 1) / 2 + 1] $$;
CREATE AGGREGATE stats.median(integer) (
    SFUNC = array_append,
    STYPE = integer[],
    INITCOND = '{}',
    FINALFUNC = stats._median
);
COMMENT ON AGGREGATE stats.median(integer) IS 'the middle value';
CREATE AGGREGATE total (BASETYPE = int4, SFUNC = int4pl, STYPE = int4, INITCOND = 0);
CREATE AGGREGATE avg_moving(integer) (
    sfunc = int4_avg_accum, stype = int8[], finalfunc = int8_avg, combinefunc = int4_avg_combine, initcond = '{0,0}',
    msfunc = int4_avg_accum, minvfunc = int4_avg_accum_inv, mstype = int8[], mfinalfunc = int8_avg,
    minitcond = '{0,0}', parallel = safe
);
CREATE AGGREGATE my_max(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);
CREATE AGGREGATE my_percentile(float8 ORDER BY anyelement) (
    sfunc = ordered_set_transition, stype = internal,
    finalfunc = percentile_disc_final, finalfunc_extra
);
CREATE AGGREGATE my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
    sfunc = ordered_set_transition_multi, stype = internal,
    finalfunc = rank_final, finalfunc_extra, hypothetical
);
COMMENT ON AGGREGATE my_percentile(float8 ORDER BY anyelement) IS 'ordered-set';
CREATE FUNCTION my_row_number() RETURNS bigint WINDOW LANGUAGE internal AS 'window_row_number';
CREATE FUNCTION my_like(text, text) RETURNS boolean LANGUAGE internal IMMUTABLE STRICT SUPPORT textlike_support AS 'textlike';
CREATE TABLE readings (v integer);
CREATE VIEW middle AS SELECT stats.median(v) AS m, total(v) AS t FROM readings;
