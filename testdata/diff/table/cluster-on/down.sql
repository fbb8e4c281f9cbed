DROP INDEX public.d_idx;

CREATE INDEX d_idx ON public.d (v);

ALTER TABLE public.a SET WITHOUT CLUSTER;

ALTER TABLE public.b CLUSTER ON b_v;

ALTER TABLE public.c CLUSTER ON c_pkey;

ALTER TABLE public.d CLUSTER ON d_idx;

DROP TABLE public.e;
