-- Compression methods, statistics targets and attribute options: set, changed and reset to
-- the defaults, on an existing column and on new ones.
CREATE TABLE docs (
    id int,
    body text,
    summary text COMPRESSION pglz,
    score numeric,
    extra jsonb COMPRESSION lz4
);
ALTER TABLE docs ALTER COLUMN score SET STATISTICS 1000;
ALTER TABLE docs ALTER COLUMN extra SET STATISTICS 50;
CREATE TABLE notes (id int, note text COMPRESSION lz4);
ALTER TABLE notes ALTER COLUMN id SET STATISTICS 250;
ALTER TABLE docs ALTER COLUMN id SET (n_distinct = -0.8);
ALTER TABLE notes ALTER COLUMN note SET (n_distinct = 10);
