CREATE TABLE t (a int, b int, c int);
CREATE VIEW v1 AS SELECT a, b, c FROM t;
CREATE VIEW v2 AS SELECT a, b FROM v1;
