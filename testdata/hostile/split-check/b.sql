CREATE TABLE t (a int, b int, CONSTRAINT t_a CHECK (a > 0), CONSTRAINT t_b CHECK (b > 0));
