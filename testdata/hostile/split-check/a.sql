CREATE TABLE t (a int, b int, CONSTRAINT t_ab CHECK (a > 0 AND b > 0));
