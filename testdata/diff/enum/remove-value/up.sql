ALTER TABLE public.p ALTER COLUMN m DROP DEFAULT;

ALTER TYPE public.mood RENAME TO mood__autogen_old;

CREATE TYPE public.mood AS ENUM ('sad', 'happy');

ALTER TABLE public.p ALTER COLUMN m TYPE public.mood USING m::text::public.mood;

ALTER TABLE public.p ALTER COLUMN m SET DEFAULT 'happy';

DROP TYPE public.mood__autogen_old;
