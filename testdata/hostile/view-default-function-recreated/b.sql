CREATE TABLE orders (id bigint PRIMARY KEY, status text, qty int);
CREATE FUNCTION next_id() RETURNS bigint LANGUAGE sql AS 'SELECT 43';
CREATE VIEW open_orders AS SELECT id, status, qty FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN id SET DEFAULT next_id();
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
CREATE VIEW tagged AS SELECT id, qty, next_id() AS tag FROM orders;
ALTER VIEW tagged ALTER COLUMN id SET DEFAULT next_id();
CREATE TABLE plain (id bigint DEFAULT next_id(), v text);
