CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE FUNCTION next_id() RETURNS int LANGUAGE sql AS 'SELECT 42';
CREATE TABLE plain (id bigint DEFAULT next_id(), v text);
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN id SET DEFAULT next_id();
CREATE VIEW tagged AS SELECT id, next_id() AS tag FROM orders;
ALTER VIEW tagged ALTER COLUMN id SET DEFAULT next_id();
