-- Collation objects, column and index collations.
CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION german_ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);
CREATE COLLATION posix_copy FROM "POSIX";
CREATE COLLATION c_libc (lc_collate = 'C', lc_ctype = 'C');
CREATE SCHEMA coll;
CREATE COLLATION coll."Mixed" (locale = 'C');

CREATE TABLE collated (
    a text COLLATE numeric,
    b text COLLATE "C",
    c varchar(10) COLLATE "POSIX",
    d text COLLATE german_ci,
    e text COLLATE coll."Mixed",
    f text COLLATE "default",
    g name,
    h name COLLATE "C"
);
CREATE INDEX collated_a ON collated (a COLLATE "C");
CREATE INDEX collated_b ON collated (b COLLATE "C");
CREATE INDEX collated_lower ON collated (lower(b) COLLATE numeric);
