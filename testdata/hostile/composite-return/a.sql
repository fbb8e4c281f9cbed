CREATE TYPE pair AS (a int, b int);
CREATE FUNCTION mk(x int) RETURNS pair LANGUAGE sql AS $$ SELECT x, x $$;
