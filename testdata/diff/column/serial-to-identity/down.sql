CREATE SEQUENCE public.t_id_seq_autogen_tmp AS integer;

SELECT setval('public.t_id_seq_autogen_tmp'::regclass, s.v) FROM (SELECT pg_sequence_last_value(pg_get_serial_sequence('public.t', 'id')::regclass) AS v) s WHERE s.v IS NOT NULL;

ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

ALTER SEQUENCE public.t_id_seq_autogen_tmp RENAME TO t_id_seq;

ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
