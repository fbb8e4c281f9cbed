CREATE FUNCTION stats(x int, OUT lo int, OUT hi int, OUT mid int) LANGUAGE sql AS $$ SELECT x - 1, x + 1, x $$;
CREATE FUNCTION greet(name text DEFAULT 'there', punct text DEFAULT '!') RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || name || punct $$;
