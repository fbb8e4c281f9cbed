CREATE FUNCTION area(r float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT pi() * r * r $$;
CREATE FUNCTION area(w int, h int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;
COMMENT ON FUNCTION area(int, int) IS 'rect';
