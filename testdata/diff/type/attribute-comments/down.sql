DROP TYPE public.remade;

CREATE TYPE public.remade AS (x integer, y integer);

COMMENT ON COLUMN public.pair.a IS 'left';

COMMENT ON COLUMN public.pair.b IS 'right';

COMMENT ON COLUMN public.remade.x IS 'kept';

DROP TYPE public.fresh;
