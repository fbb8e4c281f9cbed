CREATE TABLE t (a int, b int, UNIQUE (a, b));
CREATE UNIQUE INDEX t_b ON t (b);
