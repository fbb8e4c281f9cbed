ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT;

ALTER SEQUENCE public.t_id_seq RENAME TO t_id_seq_autogen_tmp;

ALTER SEQUENCE public.t_id_seq_autogen_tmp OWNED BY NONE;

ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('public.t', 'id')::regclass, s.v) FROM (SELECT pg_sequence_last_value('public.t_id_seq_autogen_tmp'::regclass) AS v) s WHERE s.v IS NOT NULL;

DROP SEQUENCE public.t_id_seq_autogen_tmp;
