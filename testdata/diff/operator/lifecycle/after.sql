CREATE SCHEMA ops;
CREATE FUNCTION ops.int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
CREATE FUNCTION ops.int_ne(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 <> $2';
CREATE OPERATOR ops.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = ops.int_eq, COMMUTATOR = OPERATOR(ops.===),
    NEGATOR = OPERATOR(ops.!==), RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR ops.!== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = ops.int_ne, NEGATOR = OPERATOR(ops.===));
COMMENT ON OPERATOR ops.=== (integer, integer) IS 'equal';
CREATE OPERATOR FAMILY ops.int_family USING btree;
ALTER OPERATOR FAMILY ops.int_family USING btree ADD OPERATOR 1 < (integer, bigint), OPERATOR 3 = (integer, bigint),
    FUNCTION 1 btint48cmp(integer, bigint);
COMMENT ON OPERATOR FAMILY ops.int_family USING btree IS 'integers';
CREATE OPERATOR CLASS ops.int_ops FOR TYPE integer USING btree FAMILY ops.int_family AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 btint4cmp(integer, integer),
    FUNCTION 2 btint4sortsupport(internal);
CREATE OPERATOR CLASS box_ops2 FOR TYPE box USING gist AS
    OPERATOR 3 &&, FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),
    FUNCTION 2 gist_box_union(internal, internal), FUNCTION 5 gist_box_penalty(internal, internal, internal),
    FUNCTION 6 gist_box_picksplit(internal, internal), FUNCTION 7 gist_box_same(box, box, internal);
COMMENT ON OPERATOR CLASS box_ops2 USING gist IS 'boxes';
CREATE TABLE numbers (n integer, t text, b box);
CREATE INDEX numbers_n ON numbers (n ops.int_ops);
CREATE INDEX numbers_b ON numbers USING gist (b box_ops2);
CREATE VIEW equal_pairs AS SELECT a.n FROM numbers a JOIN numbers b ON a.n OPERATOR(ops.===) b.n;
