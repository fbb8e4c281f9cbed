-- Compression methods, statistics targets and attribute options: set, changed and reset to
-- the defaults, on an existing column and on new ones.
CREATE TABLE docs (
    id int,
    body text COMPRESSION lz4,
    summary text,
    score numeric
);
ALTER TABLE docs ALTER COLUMN score SET STATISTICS 500;
ALTER TABLE docs ALTER COLUMN id SET STATISTICS 0;
ALTER TABLE docs ALTER COLUMN summary SET (n_distinct = 50);
ALTER TABLE docs ALTER COLUMN id SET (n_distinct = -1, n_distinct_inherited = -0.5);
