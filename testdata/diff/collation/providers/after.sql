CREATE COLLATION german_ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);
COMMENT ON COLLATION german_ci IS 'case-insensitive german';
CREATE COLLATION numeric_icu (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION posix_copy FROM "POSIX";
CREATE COLLATION c_libc (lc_collate = 'C', lc_ctype = 'C');
CREATE TABLE names (n text COLLATE german_ci, m text COLLATE numeric_icu);
