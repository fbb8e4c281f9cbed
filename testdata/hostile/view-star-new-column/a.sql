-- Views written with * over a table that gains a column: PostgreSQL expands
-- the * when it creates a view, so the views must be created again to show
-- it; one view reads another, one is materialized.
CREATE TABLE items (id int PRIMARY KEY, name text);
CREATE VIEW all_items AS SELECT * FROM items;
CREATE VIEW named_items AS SELECT i.* FROM all_items i WHERE name IS NOT NULL;
CREATE MATERIALIZED VIEW items_snapshot AS SELECT * FROM items;
INSERT INTO items VALUES (1, 'x');
