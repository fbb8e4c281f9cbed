ALTER TABLE public.cache SET UNLOGGED;

ALTER TABLE public.events SET LOGGED;

ALTER TABLE public.staging ALTER COLUMN id DROP DEFAULT;

ALTER TABLE public.staging ALTER COLUMN id DROP NOT NULL;

ALTER SEQUENCE public.scratch SET UNLOGGED;

ALTER SEQUENCE public.standalone SET LOGGED;

DROP SEQUENCE public.staging_id_seq;
