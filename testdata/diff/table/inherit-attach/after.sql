-- The child becomes an inheritance child. INHERIT needs the child to have
-- every column of the parent (NOT NULL where the parent's is) and its
-- CHECK constraints: id is made NOT NULL, v and the check are added, then
-- INHERIT merges them. PostgreSQL keeps them the child's own too (pg_dump
-- lists them in the child's CREATE TABLE), which no statement can undo.
-- Downgrading, NO INHERIT leaves them the child's own: v and the check
-- are dropped, id stays, as before.sql has it.
CREATE TABLE parent (
    id integer NOT NULL,
    v text DEFAULT 'x',
    CONSTRAINT parent_id_positive CHECK (id > 0)
);

CREATE TABLE child (
    y integer
) INHERITS (parent);
