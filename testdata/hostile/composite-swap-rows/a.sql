-- A composite with rows gains an attribute and retypes one while an enum
-- inside it loses a value: both types are swapped, the column converted
-- attribute by attribute (the enum's through text), with a view and a
-- function over it rebuilt around the swap.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE addr AS (street text, zip int, m mood);
CREATE TABLE cust (id int PRIMARY KEY, a addr, m mood DEFAULT 'ok');
CREATE VIEW cv AS SELECT id, (a).zip AS zip, m FROM cust;
CREATE FUNCTION f(c cust) RETURNS int LANGUAGE sql AS 'SELECT (c.a).zip';
INSERT INTO cust VALUES (1, ROW('Main', 1, 'ok'), 'happy');
