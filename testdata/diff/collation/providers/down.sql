CREATE COLLATION public.gone (provider = libc, lc_collate = 'C', lc_ctype = 'C');

COMMENT ON COLLATION public.german_ci IS NULL;

ALTER TABLE public.names DROP COLUMN m;

DROP COLLATION public.c_libc;

DROP COLLATION public.numeric_icu;

DROP COLLATION public.posix_copy;
