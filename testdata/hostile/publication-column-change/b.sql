CREATE TABLE p (id bigint PRIMARY KEY, name text, kept text);
CREATE TABLE q (id int PRIMARY KEY, qty int);
CREATE PUBLICATION pub FOR TABLE p (id, name) WHERE (id > 10), q WHERE (qty > 0);
CREATE PUBLICATION plain FOR TABLE p;
