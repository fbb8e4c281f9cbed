CREATE TABLE t (id int, a int, b int);
CREATE VIEW v AS SELECT id, a, b FROM t;
