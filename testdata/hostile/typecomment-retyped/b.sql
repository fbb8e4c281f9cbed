CREATE TYPE pt AS (x bigint, y int, z int);
COMMENT ON COLUMN pt.x IS 'abscissa';
COMMENT ON COLUMN pt.z IS 'depth';
CREATE DOMAIN pos AS bigint CONSTRAINT pos_check CHECK (VALUE > 0);
COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'positive';
CREATE TABLE t (p pt, q pos);
