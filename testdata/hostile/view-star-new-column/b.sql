CREATE TABLE items (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW all_items AS SELECT * FROM items;
CREATE VIEW named_items AS SELECT i.* FROM all_items i WHERE name IS NOT NULL;
CREATE MATERIALIZED VIEW items_snapshot AS SELECT * FROM items;
