-- Comments on composite type attributes: added, changed and removed
-- without touching the type; kept on a type created anew; on a new type.
CREATE TYPE pair AS (a int, b int);
COMMENT ON COLUMN pair.a IS 'first';
CREATE TYPE remade AS (y int, x int);
COMMENT ON COLUMN remade.x IS 'kept';
CREATE TYPE fresh AS (z text);
COMMENT ON COLUMN fresh.z IS 'new';
