CREATE TABLE public.notes (
    id integer,
    note text COMPRESSION lz4
);

ALTER TABLE public.notes ALTER COLUMN id SET STATISTICS 250;

ALTER TABLE public.notes ALTER COLUMN note SET (n_distinct=10);

ALTER TABLE public.docs ADD COLUMN extra jsonb COMPRESSION lz4;

ALTER TABLE public.docs ALTER COLUMN extra SET STATISTICS 50;

ALTER TABLE public.docs ALTER COLUMN body SET COMPRESSION default;

ALTER TABLE public.docs ALTER COLUMN id SET STATISTICS -1;

ALTER TABLE public.docs ALTER COLUMN id RESET (n_distinct_inherited);

ALTER TABLE public.docs ALTER COLUMN id SET (n_distinct=-0.8);

ALTER TABLE public.docs ALTER COLUMN score SET STATISTICS 1000;

ALTER TABLE public.docs ALTER COLUMN summary SET COMPRESSION pglz;

ALTER TABLE public.docs ALTER COLUMN summary RESET (n_distinct);
