CREATE FUNCTION area(w int, h int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;
CREATE FUNCTION area(w numeric, h numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;
COMMENT ON FUNCTION area(int, int) IS 'rectangle';
