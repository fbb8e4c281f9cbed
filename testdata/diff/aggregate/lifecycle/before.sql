-- An aggregate to drop, one whose definition changes (the view that calls
-- it is recreated around it), one whose comment changes.
CREATE TABLE readings (v integer);
CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE AGGREGATE biggest(integer) (SFUNC = int4larger, STYPE = integer);
CREATE AGGREGATE old_sum(integer) (SFUNC = int4pl, STYPE = integer);
COMMENT ON AGGREGATE biggest(integer) IS 'the largest';
CREATE VIEW totals AS SELECT total(v) AS t FROM readings;
