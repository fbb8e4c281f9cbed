CREATE TABLE t (id int);
CREATE VIEW c AS SELECT '5'::text AS x, 'a'::varchar AS y, 1.5::real AS z FROM t;
