DROP TABLE public.m;

CREATE TABLE public.m (
    id integer,
    at date
) PARTITION BY RANGE (id);
