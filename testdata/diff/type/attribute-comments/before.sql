-- Comments on composite type attributes: added, changed and removed
-- without touching the type; kept on a type created anew; on a new type.
CREATE TYPE pair AS (a int, b int);
COMMENT ON COLUMN pair.a IS 'left';
COMMENT ON COLUMN pair.b IS 'right';
CREATE TYPE remade AS (x int, y int);
COMMENT ON COLUMN remade.x IS 'kept';
