CREATE FUNCTION stats(x int, OUT lo int, OUT hi int) LANGUAGE sql AS $$ SELECT x - 1, x + 1 $$;
CREATE FUNCTION greet(name text DEFAULT 'world') RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || name $$;
