DROP CAST (integer AS public.mood);

CREATE CAST (integer AS public.mood) WITH FUNCTION public.mood_of(integer);

CREATE CAST (public.mood AS text) WITH INOUT;

DROP CAST (public.pair AS text);

DROP FUNCTION public.pair_text(public.pair);

DROP TYPE public.pair;
