CREATE UNLOGGED SEQUENCE public.staging_id_seq AS integer;

ALTER TABLE public.cache SET LOGGED;

ALTER TABLE public.events SET UNLOGGED;

ALTER TABLE public.staging ALTER COLUMN id SET DEFAULT nextval('public.staging_id_seq'::regclass);

ALTER TABLE public.staging ALTER COLUMN id SET NOT NULL;

ALTER SEQUENCE public.events_ref SET LOGGED;

ALTER SEQUENCE public.scratch SET LOGGED;

ALTER SEQUENCE public.staging_id_seq OWNED BY public.staging.id;

ALTER SEQUENCE public.standalone SET UNLOGGED;
