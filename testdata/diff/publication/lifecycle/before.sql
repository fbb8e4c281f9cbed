-- Publications: tables added, dropped and changed (columns, row filter),
-- options changed, one dropped, one created, comments; a table dropped
-- and created again stays published.
CREATE TABLE orders (id integer PRIMARY KEY, total numeric, note text);
CREATE TABLE customers (id integer PRIMARY KEY, name text);
CREATE TABLE audit (at timestamptz, what text);
CREATE TABLE parted (id integer, at date) PARTITION BY RANGE (at);
CREATE PUBLICATION big_orders FOR TABLE orders WHERE (total > 1000), TABLE audit;
CREATE PUBLICATION gone FOR ALL TABLES;
