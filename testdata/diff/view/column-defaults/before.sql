-- A view column's default set, changed and dropped in place, one calling a
-- function created in the same revision; a new view gets its default
-- right after CREATE VIEW.
CREATE TABLE orders (id int PRIMARY KEY, status text, qty int);
CREATE VIEW open_orders AS SELECT id, status, qty FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
ALTER VIEW open_orders ALTER COLUMN qty SET DEFAULT 1;
