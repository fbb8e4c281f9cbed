CREATE TYPE addr AS (street text COLLATE "C", zip bigint, city text);
COMMENT ON COLUMN addr.city IS 'the city';
CREATE FUNCTION fmt(a addr) RETURNS text LANGUAGE sql AS 'SELECT a.street';
