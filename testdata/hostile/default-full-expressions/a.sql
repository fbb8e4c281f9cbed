-- Defaults that are full expressions (AT TIME ZONE, OR, IS NULL, COLLATE,
-- BETWEEN), which PostgreSQL takes after DEFAULT in a column definition
-- only inside parentheses: on a table created, on columns added to a table
-- with rows, on a domain and on a partition's own column.
CREATE TABLE events (id int PRIMARY KEY, name text);
INSERT INTO events VALUES (1, 'first');
CREATE TABLE measures (id int, at date) PARTITION BY RANGE (at);
