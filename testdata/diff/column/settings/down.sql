ALTER TABLE public.docs ALTER COLUMN body SET COMPRESSION lz4;

ALTER TABLE public.docs ALTER COLUMN id SET STATISTICS 0;

ALTER TABLE public.docs ALTER COLUMN id SET (n_distinct=-1, n_distinct_inherited=-0.5);

ALTER TABLE public.docs ALTER COLUMN score SET STATISTICS 500;

ALTER TABLE public.docs ALTER COLUMN summary SET COMPRESSION default;

ALTER TABLE public.docs ALTER COLUMN summary SET (n_distinct=50);

ALTER TABLE public.docs DROP COLUMN extra;

DROP TABLE public.notes;
