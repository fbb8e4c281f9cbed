-- Constraints added and then dropped by the schema's own statements (ALTER
-- TABLE ... DROP CONSTRAINT, ALTER DOMAIN ... DROP CONSTRAINT), as a
-- schema gathered from migrations has them: what is left is the schema.
-- A dropped primary key leaves its columns NOT NULL, as PostgreSQL does.
CREATE DOMAIN code AS text CONSTRAINT code_len CHECK (length(VALUE) = 3);
CREATE TABLE item (id int CONSTRAINT item_pk PRIMARY KEY, sku code, qty int CONSTRAINT qty_pos CHECK (qty > 0));
CREATE TABLE line (item int CONSTRAINT line_item REFERENCES item, n int);
INSERT INTO item VALUES (1, 'ABC', 2);
INSERT INTO line VALUES (1, 1);
