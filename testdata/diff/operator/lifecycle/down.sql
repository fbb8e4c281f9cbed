DROP VIEW public.equal_pairs;

DROP INDEX public.numbers_b;

DROP OPERATOR ops.=== (integer, integer);

CREATE OPERATOR ops.=== (FUNCTION = ops.int_eq, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(ops.===));

CREATE OPERATOR public.~~~ (FUNCTION = int4um, RIGHTARG = integer);

CREATE OPERATOR FAMILY public.text_hash USING hash;

CREATE OPERATOR CLASS public.text_hash FOR TYPE text USING hash FAMILY public.text_hash AS OPERATOR 1 =(text, text), FUNCTION 1 (text, text) hashtext(text);

ALTER OPERATOR FAMILY ops.int_family USING btree DROP FUNCTION 2 (integer, integer);

ALTER OPERATOR FAMILY ops.int_family USING btree DROP OPERATOR 3 (integer, bigint);

COMMENT ON OPERATOR FAMILY ops.int_family USING btree IS NULL;

ALTER TABLE public.numbers DROP COLUMN b;

DROP OPERATOR ops.!== (integer, integer);

DROP OPERATOR CLASS public.box_ops2 USING gist;

DROP OPERATOR FAMILY public.box_ops2 USING gist;

DROP FUNCTION ops.int_ne(integer, integer);
