CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TYPE addr AS (street text, zip bigint, m mood, note text);
CREATE TABLE cust (id int PRIMARY KEY, a addr, m mood DEFAULT 'ok');
CREATE VIEW cv AS SELECT id, (a).zip AS zip, m FROM cust;
CREATE FUNCTION f(c cust) RETURNS bigint LANGUAGE sql AS 'SELECT (c.a).zip';
