CREATE TYPE public.gone;

CREATE FUNCTION public.gone_in(cstring)
 RETURNS public.gone
 LANGUAGE internal IMMUTABLE STRICT COST 1
AS $$int4in$$;

CREATE FUNCTION public.gone_out(public.gone)
 RETURNS cstring
 LANGUAGE internal IMMUTABLE STRICT COST 1
AS $$int4out$$;

CREATE TYPE public.gone (INTERNALLENGTH = 4, INPUT = public.gone_in, OUTPUT = public.gone_out, PASSEDBYVALUE);

DROP TABLE public.aliases;

DROP DOMAIN public.positive_alias;

DROP TYPE public.int4alias CASCADE;
