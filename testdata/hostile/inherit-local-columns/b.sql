CREATE TABLE base (id int, d int, note text COMPRESSION lz4);
CREATE TABLE keep (id int, old int, k int) INHERITS (base);
CREATE TABLE kid (x int) INHERITS (base);
ALTER TABLE kid ALTER COLUMN d SET NOT NULL;
ALTER TABLE kid ALTER COLUMN note SET DEFAULT 'k';
CREATE TABLE kid2 (d int NOT NULL, x int) INHERITS (base);
CREATE TABLE kid3 (id int, x int, note text) INHERITS (base);
CREATE TABLE grand (y int) INHERITS (kid3);
CREATE TABLE grand2 (id int DEFAULT 7) INHERITS (kid);
