CREATE TEMPORARY TABLE pg_temp.autogen_rows_3741afcdf677 AS SELECT * FROM ONLY public.m;

DROP TABLE public.m;

CREATE TABLE public.m (
    id integer,
    at date
) PARTITION BY RANGE (id);

INSERT INTO public.m (id, at) OVERRIDING SYSTEM VALUE SELECT id, at FROM pg_temp.autogen_rows_3741afcdf677;

DROP TABLE pg_temp.autogen_rows_3741afcdf677;
