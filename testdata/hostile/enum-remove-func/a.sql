CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE FUNCTION is_warm(c color) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c = 'red' $$;
CREATE TABLE t (c color);
