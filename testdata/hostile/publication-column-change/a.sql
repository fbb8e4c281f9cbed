-- Columns a publication's row filter or column list names change type or
-- go: PostgreSQL refuses both under the publication, which is created
-- again around the change.
CREATE TABLE p (id int PRIMARY KEY, name varchar(20), gone int, kept text);
CREATE TABLE q (id int PRIMARY KEY, qty int);
CREATE PUBLICATION pub FOR TABLE p (id, name, gone) WHERE (id > 10), q WHERE (qty > 0);
CREATE PUBLICATION plain FOR TABLE p;
INSERT INTO p VALUES (1, 'a', 1, 'x');
