-- Inheritance children whose columns are their own too (defined in their
-- CREATE TABLE, attislocal) or inherited only with settings of their own
-- (NOT NULL, a default): pg_dump tells the two apart, and so must a
-- child created anew. An existing child keeps its own column when its
-- parent drops it.
CREATE TABLE base (id int, d int, note text COMPRESSION lz4, old int);
CREATE TABLE keep (id int, old int, k int) INHERITS (base);
