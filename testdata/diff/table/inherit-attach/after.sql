-- The child becomes an inheritance child of a table whose column it
-- already has. INHERIT needs that column and merges it, so it is not
-- dropped first; PostgreSQL keeps it the child's own too (pg_dump lists it
-- in the child's CREATE TABLE), which no statement can undo. Downgrading,
-- NO INHERIT leaves it the child's own, as before.sql has it.
CREATE TABLE parent (
    id integer
);

CREATE TABLE child (
    y integer
) INHERITS (parent);
