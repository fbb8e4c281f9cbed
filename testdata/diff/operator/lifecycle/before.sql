-- Operators, an operator family with loose members, operator classes and
-- an index that uses one.
CREATE SCHEMA ops;
CREATE FUNCTION ops.int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
CREATE OPERATOR ops.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = ops.int_eq, COMMUTATOR = OPERATOR(ops.===));
CREATE OPERATOR ~~~ (RIGHTARG = integer, FUNCTION = int4um);
CREATE OPERATOR FAMILY ops.int_family USING btree;
ALTER OPERATOR FAMILY ops.int_family USING btree ADD OPERATOR 1 < (integer, bigint), FUNCTION 1 btint48cmp(integer, bigint);
CREATE OPERATOR CLASS ops.int_ops FOR TYPE integer USING btree FAMILY ops.int_family AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR CLASS text_hash FOR TYPE text USING hash AS OPERATOR 1 =, FUNCTION 1 hashtext(text);
CREATE TABLE numbers (n integer, t text);
CREATE INDEX numbers_n ON numbers (n ops.int_ops);
