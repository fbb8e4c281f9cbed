SET LOCAL check_function_bodies = off;

DROP OPERATOR ops.=== (integer, integer);

CREATE FUNCTION ops.int_ne(integer, integer)
 RETURNS boolean
 LANGUAGE sql IMMUTABLE COST 100
AS $$SELECT $1 <> $2$$;

CREATE OPERATOR ops.!== (FUNCTION = ops.int_ne, LEFTARG = integer, RIGHTARG = integer, NEGATOR = OPERATOR(ops.===));

CREATE OPERATOR ops.=== (FUNCTION = ops.int_eq, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(ops.===), NEGATOR = OPERATOR(ops.!==), RESTRICT = eqsel, JOIN = eqjoinsel);

CREATE OPERATOR FAMILY public.box_ops2 USING gist;

ALTER OPERATOR FAMILY public.box_ops2 USING gist ADD OPERATOR 3 &&(box, box);

CREATE OPERATOR CLASS public.box_ops2 FOR TYPE box USING gist FAMILY public.box_ops2 AS FUNCTION 1 (box, box) gist_box_consistent(internal, box, smallint, oid, internal), FUNCTION 2 (box, box) gist_box_union(internal, internal), FUNCTION 5 (box, box) gist_box_penalty(internal, internal, internal), FUNCTION 6 (box, box) gist_box_picksplit(internal, internal), FUNCTION 7 (box, box) gist_box_same(box, box, internal);

ALTER TABLE public.numbers ADD COLUMN b box;

CREATE INDEX numbers_b ON public.numbers USING gist (b public.box_ops2);

CREATE VIEW public.equal_pairs AS
SELECT a.n FROM numbers a JOIN numbers b ON a.n OPERATOR(ops.===) b.n;

ALTER OPERATOR FAMILY ops.int_family USING btree ADD FUNCTION 2 (integer, integer) btint4sortsupport(internal);

ALTER OPERATOR FAMILY ops.int_family USING btree ADD OPERATOR 3 =(integer, bigint);

COMMENT ON OPERATOR CLASS public.box_ops2 USING gist IS 'boxes';

COMMENT ON OPERATOR FAMILY ops.int_family USING btree IS 'integers';

COMMENT ON OPERATOR ops.=== (integer, integer) IS 'equal';

DROP OPERATOR public.~~~ (NONE, integer);

DROP OPERATOR CLASS public.text_hash USING hash;

DROP OPERATOR FAMILY public.text_hash USING hash;
