DROP VIEW public.unit;

DROP TYPE public.numrange2;

CREATE TYPE public.numrange2 AS RANGE (SUBTYPE = numeric, MULTIRANGE_TYPE_NAME = public.nummultirange2);

CREATE TYPE public.oldrange AS RANGE (SUBTYPE = integer, MULTIRANGE_TYPE_NAME = public.old_ranges);

COMMENT ON TYPE public.floatrange IS NULL;

REVOKE USAGE ON TYPE public.floatrange FROM autogen_writer;

ALTER TABLE public.bookings DROP COLUMN many;

ALTER TABLE public.bookings DROP COLUMN names;

DROP DOMAIN public.short_text_range;

DROP TYPE public.textrange_c;
