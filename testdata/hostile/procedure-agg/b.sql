CREATE TABLE t (id int, v numeric);
CREATE PROCEDURE bump(n int, by_how numeric DEFAULT 1) LANGUAGE sql AS $$ UPDATE t SET v = v + n * by_how $$;
CREATE FUNCTION add2(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1 + $2';
CREATE AGGREGATE mysum(numeric) (SFUNC = add2, STYPE = numeric, INITCOND = '0', PARALLEL = SAFE);
CREATE VIEW total AS SELECT mysum(v) AS s FROM t;
