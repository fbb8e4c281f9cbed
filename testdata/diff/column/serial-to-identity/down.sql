ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

CREATE SEQUENCE public.t_id_seq AS integer;

ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
