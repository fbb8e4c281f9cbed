-- A function recreated (its return type changes) while view column
-- defaults call it: a view that only takes the function in a default keeps
-- its place (the default goes and comes back around the function), a view
-- whose query calls it too is recreated with its default.
CREATE TABLE orders (id bigint PRIMARY KEY, status text, qty int);
CREATE FUNCTION next_id() RETURNS int LANGUAGE sql AS 'SELECT 42';
CREATE VIEW open_orders AS SELECT id, status, qty FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN id SET DEFAULT next_id();
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
CREATE VIEW tagged AS SELECT id, qty, next_id() AS tag FROM orders;
ALTER VIEW tagged ALTER COLUMN id SET DEFAULT next_id();
CREATE TABLE plain (id bigint DEFAULT next_id(), v text);
INSERT INTO orders VALUES (1, 'open', 2), (2, 'closed', NULL);
INSERT INTO plain (v) VALUES ('x');
