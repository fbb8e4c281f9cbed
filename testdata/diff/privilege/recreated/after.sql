CREATE TABLE t (id integer, v bigint);
CREATE VIEW tv AS SELECT v FROM t;
CREATE FUNCTION twice(t) RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT $1.v * 2; END;
ALTER VIEW tv OWNER TO autogen_owner;
ALTER FUNCTION twice(t) OWNER TO autogen_owner;
GRANT SELECT ON tv TO autogen_reader;
REVOKE EXECUTE ON FUNCTION twice(t) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION twice(t) TO autogen_reader;
GRANT SELECT ON t TO autogen_owner;
