-- Operators (binary, prefix, with commutator and negator, a pair that
-- name each other), operator families with loose members, operator
-- classes (default or not, with explicit and implied member types,
-- storage, ordering operators), and an index that uses a class.
CREATE SCHEMA ops;
CREATE FUNCTION ops.int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
CREATE FUNCTION ops.int_ne(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 <> $2';
CREATE OPERATOR ops.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = ops.int_eq, COMMUTATOR = OPERATOR(ops.===), NEGATOR = OPERATOR(ops.!==),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR ops.!== (LEFTARG = integer, RIGHTARG = integer, PROCEDURE = ops.int_ne, COMMUTATOR = OPERATOR(ops.!==), NEGATOR = OPERATOR(ops.===));
COMMENT ON OPERATOR ops.=== (integer, integer) IS 'equal, again';
CREATE FUNCTION negate(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT -$1';
CREATE OPERATOR ~~~ (RIGHTARG = integer, FUNCTION = negate);
CREATE OPERATOR FAMILY ops.int_family USING btree;
CREATE OPERATOR CLASS ops.int_ops FOR TYPE integer USING btree FAMILY ops.int_family AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint4cmp(integer, integer);
ALTER OPERATOR FAMILY ops.int_family USING btree ADD
    OPERATOR 1 < (integer, bigint), OPERATOR 3 = (integer, bigint),
    FUNCTION 1 btint48cmp(integer, bigint);
COMMENT ON OPERATOR FAMILY ops.int_family USING btree IS 'integers';
CREATE OPERATOR CLASS text_ops2 FOR TYPE text USING hash AS OPERATOR 1 =, FUNCTION 1 hashtext(text);
COMMENT ON OPERATOR CLASS text_ops2 USING hash IS 'hashing text';
CREATE OPERATOR CLASS box_ops2 FOR TYPE box USING gist AS
    OPERATOR 3 &&, OPERATOR 15 <-> (box, point) FOR ORDER BY float_ops,
    FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),
    FUNCTION 2 gist_box_union(internal, internal),
    FUNCTION 5 gist_box_penalty(internal, internal, internal),
    FUNCTION 6 gist_box_picksplit(internal, internal),
    FUNCTION 7 gist_box_same(box, box, internal),
    STORAGE box;
CREATE TABLE numbers (n integer, t text);
CREATE INDEX numbers_n ON numbers (n ops.int_ops);
CREATE INDEX numbers_t ON numbers USING hash (t text_ops2);
