CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'select a';

CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'select a';

CREATE VIEW v AS SELECT f(1) AS x;
