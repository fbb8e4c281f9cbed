CREATE TYPE addr AS (street text, zip int);
CREATE TYPE unused AS (a int);
CREATE FUNCTION fmt(a addr) RETURNS text LANGUAGE sql AS 'SELECT a.street';
