DROP TYPE public.remade;

CREATE TYPE public.fresh AS (z text);

CREATE TYPE public.remade AS (y integer, x integer);

COMMENT ON COLUMN public.fresh.z IS 'new';

COMMENT ON COLUMN public.pair.a IS 'first';

COMMENT ON COLUMN public.pair.b IS NULL;

COMMENT ON COLUMN public.remade.x IS 'kept';
