CREATE TABLE items (id int PRIMARY KEY, price numeric(12,3), name text);
CREATE VIEW cheap AS SELECT id, name, price FROM items WHERE price < 10;
CREATE VIEW cheap_names AS SELECT name FROM cheap;
