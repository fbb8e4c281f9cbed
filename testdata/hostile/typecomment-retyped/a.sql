CREATE TYPE pt AS (x int, y int);
COMMENT ON COLUMN pt.x IS 'abscissa';
CREATE DOMAIN pos AS int CONSTRAINT pos_check CHECK (VALUE > 0);
COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'positive';
CREATE TABLE t (p pt, q pos);
