-- A function's settings written in one order; b.sql writes them in
-- another, which is a change pg_dump shows.
CREATE TABLE t (id int);
CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = public, pg_temp SET work_mem = '64MB' AS $$ SELECT 1 $$;
