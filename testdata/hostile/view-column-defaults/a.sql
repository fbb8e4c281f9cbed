-- Defaults of view columns (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT),
-- which an INSERT through an updatable view takes: set, changed and
-- dropped in place, set on a view created with them, one calling a
-- function created in the same revision, one on a commented column, and
-- a view recreated for its query that keeps its defaults.
CREATE TABLE orders (id int PRIMARY KEY, status text, qty int, note text);
CREATE VIEW open_orders AS SELECT id, status, qty FROM orders WHERE status = 'open';
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
ALTER VIEW open_orders ALTER COLUMN qty SET DEFAULT 1;
CREATE VIEW recent AS SELECT id, note FROM orders;
ALTER VIEW recent ALTER COLUMN note SET DEFAULT 'n/a';
INSERT INTO orders VALUES (1, 'open', 2, 'first'), (2, 'closed', NULL, NULL);
