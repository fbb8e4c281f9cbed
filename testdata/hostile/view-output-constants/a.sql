CREATE TABLE t (id int);
CREATE VIEW c AS SELECT 5 AS x, 'a' AS y, 1.5 AS z FROM t;
