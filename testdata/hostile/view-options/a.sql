CREATE TABLE t (id int, v int);
CREATE VIEW v1 AS SELECT id, v FROM t WHERE v > 0;
