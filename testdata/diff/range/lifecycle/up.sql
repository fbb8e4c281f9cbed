DROP TYPE public.numrange2;

CREATE TYPE public.numrange2 AS RANGE (SUBTYPE = numeric, SUBTYPE_DIFF = numrange_subdiff, MULTIRANGE_TYPE_NAME = public.nummultirange2);

CREATE TYPE public.textrange_c AS RANGE (SUBTYPE = text, COLLATION = "C", MULTIRANGE_TYPE_NAME = public.textmultirange_c);

CREATE DOMAIN public.short_text_range AS public.textrange_c CONSTRAINT short_text_range_check CHECK (NOT isempty(VALUE));

ALTER TABLE public.bookings ADD COLUMN names public.textrange_c;

ALTER TABLE public.bookings ADD COLUMN many public.floatmultirange;

CREATE VIEW public.unit AS
SELECT floatrange(0, 1) AS r;

COMMENT ON TYPE public.floatrange IS 'floats between';

GRANT USAGE ON TYPE public.floatrange TO autogen_writer;

DROP TYPE public.oldrange;
