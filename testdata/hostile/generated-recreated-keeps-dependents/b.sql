CREATE TABLE t (id int PRIMARY KEY, a int, b int, s int GENERATED ALWAYS AS (a * b + 1) STORED,
  d int GENERATED ALWAYS AS (a - b) STORED,
  CONSTRAINT s_pos CHECK (s > 0), CONSTRAINT s_u UNIQUE (s));
CREATE TABLE r (s int REFERENCES t (s));
CREATE TABLE q (x int);
CREATE INDEX t_s ON t (s);
CREATE INDEX t_s2 ON t ((s * 2)) WHERE s > 1;
CREATE STATISTICS t_st ON a, s FROM t;
COMMENT ON INDEX t_s IS 'on s';
