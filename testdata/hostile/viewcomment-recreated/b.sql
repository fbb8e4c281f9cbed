CREATE TABLE t (id int, v bigint);
CREATE VIEW tv AS SELECT id, v FROM t;
COMMENT ON COLUMN tv.v IS 'value';
