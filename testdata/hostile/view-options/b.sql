CREATE TABLE t (id int, v int);
CREATE VIEW v1 WITH (security_barrier = true) AS SELECT id, v FROM t WHERE v > 0 WITH LOCAL CHECK OPTION;
