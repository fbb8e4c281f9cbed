DROP INDEX public.d_idx;

CREATE TABLE public.e (
    id integer NOT NULL,
    CONSTRAINT e_pkey PRIMARY KEY (id)
);

CREATE INDEX d_idx ON public.d (v, w);

ALTER TABLE public.a CLUSTER ON a_v;

ALTER TABLE public.b CLUSTER ON b_pkey;

ALTER TABLE public.c SET WITHOUT CLUSTER;

ALTER TABLE public.d CLUSTER ON d_idx;

ALTER TABLE public.e CLUSTER ON e_pkey;
