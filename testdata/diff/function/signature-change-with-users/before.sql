-- A function whose argument type changes, used by a default, an index and a
-- view: the old overload goes before the default is set again, so that
-- norm('X') binds to the new one (with both there it would bind to
-- norm(text), and the drop would fail).
CREATE FUNCTION norm(x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(x) $$;
CREATE TABLE t (name text, key text DEFAULT norm('X'));
CREATE VIEW tv AS SELECT norm(name) AS n FROM t;
CREATE INDEX t_norm ON t (norm(name));
