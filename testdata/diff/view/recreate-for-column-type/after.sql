CREATE TABLE t (id int, v bigint);
CREATE VIEW tv AS SELECT v FROM t;
