CREATE TABLE t (id int, v int);
CREATE VIEW a AS SELECT id, v FROM t;
CREATE VIEW b AS SELECT id, v + 1 AS w FROM a;
CREATE FUNCTION fb() RETURNS SETOF b LANGUAGE sql AS 'SELECT * FROM b';
GRANT SELECT ON a TO PUBLIC;
CREATE TABLE u (id int, name varchar(20));
CREATE TABLE w (id int, label text);
CREATE VIEW names AS SELECT name FROM u UNION SELECT label FROM w;
CREATE VIEW casted AS SELECT id::bigint AS id, name FROM u;
