CREATE TYPE pt AS (x int, y int);
CREATE TABLE u (id int PRIMARY KEY, name text, tags text[], p pt, ps pt[], r int4range, b bit(8), n numeric, at timestamptz);
