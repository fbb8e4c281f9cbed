CREATE COLLATION german_ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);
CREATE COLLATION gone (provider = libc, locale = 'C');
CREATE TABLE names (n text COLLATE german_ci);
