-- A function dropped and created again (its return type changes) under the
-- defaults that call it: a table's and a view's default go before the drop
-- and come back after the creation, in place; a view whose query calls it
-- is recreated, with its default.
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE FUNCTION next_id() RETURNS bigint LANGUAGE sql AS 'SELECT 43';
CREATE TABLE plain (id bigint DEFAULT next_id(), v text);
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN id SET DEFAULT next_id();
CREATE VIEW tagged AS SELECT id, next_id() AS tag FROM orders;
ALTER VIEW tagged ALTER COLUMN id SET DEFAULT next_id();
