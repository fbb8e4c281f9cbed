CREATE COLLATION public.c_libc (provider = libc, lc_collate = 'C', lc_ctype = 'C');

CREATE COLLATION public.numeric_icu (provider = icu, locale = 'en-u-kn-true');

CREATE COLLATION public.posix_copy (provider = libc, lc_collate = 'POSIX', lc_ctype = 'POSIX');

ALTER TABLE public.names ADD COLUMN m text COLLATE public.numeric_icu;

COMMENT ON COLLATION public.german_ci IS 'case-insensitive german';

DROP COLLATION public.gone;
