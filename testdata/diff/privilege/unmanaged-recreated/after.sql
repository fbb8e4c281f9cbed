-- The target says nothing of owners and privileges: the view and the
-- function that are recreated get back the ones the database gave them.
CREATE TABLE t (id integer, v bigint);
CREATE VIEW tv AS SELECT v FROM t;
CREATE FUNCTION twice(t) RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT $1.v * 2; END;
