-- CREATE TABLE ... (LIKE ...) with its options.
CREATE TABLE template (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code varchar(10) NOT NULL DEFAULT 'x' COLLATE "C",
    n int DEFAULT 1 CHECK (n > 0),
    doubled int GENERATED ALWAYS AS (n * 2) STORED,
    note text,
    UNIQUE (code, n)
);
ALTER TABLE template ALTER COLUMN note SET STORAGE EXTERNAL;
CREATE INDEX template_lower ON template (lower(code));
CREATE INDEX ON template (note) WHERE n > 5;
COMMENT ON COLUMN template.code IS 'the code';
COMMENT ON INDEX template_lower IS 'lowered';
CREATE TABLE copy_plain (LIKE template);
-- INCLUDING IDENTITY is left out: PostgreSQL 15 gives the copy a bigint
-- sequence, which pg_dump does not write, so a dump would not restore it.
CREATE TABLE copy_all (LIKE template INCLUDING ALL EXCLUDING IDENTITY);
CREATE TABLE copy_some (extra int, LIKE template INCLUDING DEFAULTS INCLUDING CONSTRAINTS, more text);
CREATE TABLE copy_indexes (LIKE template INCLUDING INDEXES EXCLUDING COMMENTS);
