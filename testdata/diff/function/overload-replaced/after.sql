-- f(text) makes way for f(text, text DEFAULT 'x'). The view calls f('y'),
-- which is ambiguous while both exist: the old overload is dropped before
-- the view is created, and, downgrading, the new one before the view is
-- created again.
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'select a + 1';

CREATE FUNCTION f(a text, b text DEFAULT 'x') RETURNS text LANGUAGE sql AS 'select a || b';

CREATE VIEW v AS SELECT f(1) AS x, f('y') AS y;
