CREATE TABLE readings (v integer);
CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '100');
CREATE AGGREGATE biggest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);
COMMENT ON AGGREGATE biggest(integer) IS 'the largest value';
CREATE FUNCTION _middle(anyarray) RETURNS anyelement LANGUAGE sql IMMUTABLE
    AS $$ SELECT ($1)[array_length($1, 1) / 2 + 1] $$;
CREATE AGGREGATE middle(float8 ORDER BY anyelement) (SFUNC = ordered_set_transition, STYPE = internal,
    FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
CREATE AGGREGATE median(integer) (SFUNC = array_append, STYPE = integer[], INITCOND = '{}', FINALFUNC = _middle,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE median(integer) IS 'the middle value';
CREATE VIEW totals AS SELECT total(v) AS t FROM readings;
CREATE FUNCTION my_row_number() RETURNS bigint WINDOW LANGUAGE internal AS 'window_row_number';
ALTER AGGREGATE median(integer) OWNER TO autogen_owner;
REVOKE EXECUTE ON FUNCTION median(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION median(integer) TO autogen_reader;
