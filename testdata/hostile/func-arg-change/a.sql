CREATE FUNCTION norm(x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(x) $$;
CREATE TABLE t (name text, key text DEFAULT norm('X'));
CREATE VIEW tv AS SELECT norm(name) AS n FROM t;
CREATE INDEX t_norm ON t (norm(name));
