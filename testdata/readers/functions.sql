-- Functions and procedures with every attribute.
CREATE SCHEMA fn;
CREATE TABLE fn.t (a int, b text);
CREATE FUNCTION fn.plain(a integer, b text DEFAULT 'x') RETURNS text LANGUAGE sql AS $$ SELECT b || a $$;
CREATE FUNCTION fn.outs(IN a int, OUT x int, OUT y text) LANGUAGE sql AS $$ SELECT a, 'y' $$;
CREATE FUNCTION fn.one_out(a int, OUT x int) LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION fn.inout(INOUT a int) LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION fn.vari(VARIADIC nums int[]) RETURNS int LANGUAGE sql AS $$ SELECT array_length(nums, 1) $$;
CREATE FUNCTION fn.rows() RETURNS SETOF fn.t LANGUAGE sql STABLE AS $$ SELECT * FROM fn.t $$;
CREATE FUNCTION fn.tab(n int) RETURNS TABLE (a int, "B" text) LANGUAGE sql ROWS 50 AS $$ SELECT n, 'b' $$;
CREATE FUNCTION fn.attrs(x numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE SECURITY DEFINER COST 5
    SET search_path = fn, pg_temp SET work_mem = '64MB'
    AS $body$ BEGIN RETURN x + 1; END $body$;
CREATE FUNCTION fn.called(x int) RETURNS int LANGUAGE sql CALLED ON NULL INPUT PARALLEL RESTRICTED RETURN x + 1;
CREATE FUNCTION fn.atomic(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT x * 2; END;
CREATE FUNCTION fn.overload(x int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION fn.overload(x text) RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE OR REPLACE FUNCTION fn.overload(x int) RETURNS int LANGUAGE sql AS 'SELECT 3';
CREATE FUNCTION fn.types(a varchar(10), b numeric(5, 2), c char(2), d timestamp(3)) RETURNS varchar(10) LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION fn.defaults(a timestamptz DEFAULT now(), b int[] DEFAULT '{}', c fn.t DEFAULT NULL) RETURNS void LANGUAGE sql AS '';
CREATE PROCEDURE fn.proc(a int, INOUT b int) LANGUAGE plpgsql AS $$ BEGIN b := a; END $$;
CREATE PROCEDURE fn.proc_sql() LANGUAGE sql BEGIN ATOMIC INSERT INTO fn.t (a) VALUES (1); END;
CREATE FUNCTION fn.set_empty() RETURNS int LANGUAGE sql SET search_path = '' AS 'SELECT 1';
-- User functions named like built-in ones of other argument types: a
-- built-in area(box) does not hide area(integer, integer) from COMMENT,
-- GRANT or DROP.
CREATE FUNCTION area(w int, h int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;
CREATE FUNCTION area(r float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT pi() * r * r $$;
CREATE FUNCTION area(w numeric, h numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;
COMMENT ON FUNCTION area(int, int) IS 'rectangle';
REVOKE EXECUTE ON FUNCTION area(float8) FROM PUBLIC;
DROP FUNCTION area(float8);

-- SET clauses stay in the order written; one given twice keeps its place.
CREATE FUNCTION cfg_order() RETURNS int LANGUAGE sql SET work_mem = '64MB' SET search_path = public, pg_temp SET work_mem = '32MB' AS $$ SELECT 1 $$;
