CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE b (id int PRIMARY KEY, v text);
CREATE PUBLICATION p1 FOR TABLE a, b (id) WITH (publish = 'insert, update');
CREATE PUBLICATION p2 FOR TABLE a WHERE (id > 10);
