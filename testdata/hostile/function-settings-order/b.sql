-- Settings of functions in the order written, which proconfig keeps.
CREATE TABLE t (id int);
CREATE FUNCTION f() RETURNS int LANGUAGE sql SET work_mem = '64MB' SET search_path = public, pg_temp AS $$ SELECT 1 $$;
CREATE FUNCTION g() RETURNS int LANGUAGE sql SET statement_timeout = '5s' SET lock_timeout = '1s' AS $$ SELECT 2 $$;
