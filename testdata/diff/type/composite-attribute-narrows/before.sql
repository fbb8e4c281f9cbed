-- A composite type used by a column with rows narrows two attributes.
-- PostgreSQL cannot change an attribute's type while a column uses the
-- type, so the type is swapped and its values converted attribute by
-- attribute, as a row cast to the new type: explicitly, so a longer
-- string would be truncated and a finer number rounded. The conversions
-- declare that loss (deletes-data, with probes) instead of hiding it.
CREATE TYPE price AS (amount numeric(12,4), label varchar(20));
CREATE TABLE item (id int PRIMARY KEY, p price);
