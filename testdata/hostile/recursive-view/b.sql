CREATE TABLE tree (id int, parent int);
CREATE RECURSIVE VIEW anc (id, root) AS SELECT id, id FROM tree WHERE parent IS NULL UNION ALL SELECT t.id, a.root FROM tree t JOIN anc a ON t.parent = a.id;
CREATE VIEW unioned AS SELECT id AS k FROM tree UNION SELECT parent FROM tree;
CREATE VIEW nested AS SELECT * FROM (SELECT id AS x FROM tree UNION ALL SELECT parent AS y FROM tree) s WHERE x > 0;
CREATE VIEW ctes AS WITH c AS (SELECT id AS p FROM tree EXCEPT SELECT parent AS q FROM tree) SELECT p FROM c;
