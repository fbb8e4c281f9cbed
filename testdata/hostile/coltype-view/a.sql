CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2), name varchar(50));
CREATE VIEW cheap AS SELECT id, name, price FROM items WHERE price < 10;
CREATE VIEW cheap_names AS SELECT name FROM cheap;
