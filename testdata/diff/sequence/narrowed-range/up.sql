SELECT pg_catalog.setval('public.down_seq'::regclass, -10, false) FROM public.down_seq WHERE last_value > -10;

ALTER SEQUENCE public.down_seq AS bigint INCREMENT BY -1 NO MINVALUE MAXVALUE -10 START WITH -10 CACHE 1 NO CYCLE;

SELECT pg_catalog.setval('public.up_seq'::regclass, 5, false) FROM public.up_seq WHERE last_value < 5;

ALTER SEQUENCE public.up_seq AS smallint INCREMENT BY 2 MINVALUE 5 NO MAXVALUE START WITH 5 CACHE 10 CYCLE;
