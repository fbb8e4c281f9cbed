CREATE FUNCTION valid_code(c text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(c) = 3 $$;
CREATE TABLE t (code text CHECK (valid_code(code)));
