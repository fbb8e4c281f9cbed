CREATE TYPE public.int4alias;

CREATE FUNCTION public.int4alias_in(cstring)
 RETURNS public.int4alias
 LANGUAGE internal IMMUTABLE STRICT COST 1
AS $$int4in$$;

CREATE FUNCTION public.int4alias_out(public.int4alias)
 RETURNS cstring
 LANGUAGE internal IMMUTABLE STRICT COST 1
AS $$int4out$$;

CREATE TYPE public.int4alias (INTERNALLENGTH = 4, INPUT = public.int4alias_in, OUTPUT = public.int4alias_out, CATEGORY = 'N', PASSEDBYVALUE);

CREATE DOMAIN public.positive_alias AS public.int4alias;

CREATE TABLE public.aliases (
    a public.int4alias,
    b public.positive_alias,
    c public.int4alias[]
);

COMMENT ON TYPE public.int4alias IS 'an integer by another name';

DROP TYPE public.gone CASCADE;
