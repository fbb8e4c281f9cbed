DROP TABLE public.u;

DROP DOMAIN public.email;
