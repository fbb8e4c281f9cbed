CREATE TABLE orders (id int PRIMARY KEY, status text, qty int);
CREATE FUNCTION next_id() RETURNS int LANGUAGE sql AS 'SELECT 42';
CREATE VIEW open_orders AS SELECT id, status, qty FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
ALTER VIEW open_orders ALTER COLUMN qty SET DEFAULT 2;
ALTER VIEW open_orders ALTER COLUMN id SET DEFAULT next_id();
CREATE VIEW big_orders AS SELECT id, qty FROM orders WHERE qty > 10;
ALTER VIEW big_orders ALTER COLUMN qty SET DEFAULT 11;
