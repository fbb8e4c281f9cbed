CREATE TABLE src (id int, v int);
CREATE VIEW report AS SELECT id, sum(v)::int AS total FROM src GROUP BY id;
