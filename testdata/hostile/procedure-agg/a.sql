CREATE TABLE t (id int, v numeric);
CREATE PROCEDURE bump(n int) LANGUAGE sql AS $$ UPDATE t SET v = v + n $$;
CREATE FUNCTION add2(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
CREATE AGGREGATE mysum(numeric) (SFUNC = add2, STYPE = numeric, INITCOND = '0');
INSERT INTO t VALUES (1, 1.5);
