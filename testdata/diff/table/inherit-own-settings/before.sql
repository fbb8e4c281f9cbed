-- What a child table or a partition sets on a column it inherits: a
-- comment, privileges, a default, NOT NULL. The models list such a column
-- only where it differs from the parent's.
CREATE TABLE base (
    id integer,
    v integer DEFAULT 1
);

CREATE TABLE child (
    y integer
) INHERITS (base);

ALTER TABLE child ALTER COLUMN v SET DEFAULT 7;

COMMENT ON COLUMN child.id IS 'the child''s own comment';

GRANT SELECT (id) ON child TO PUBLIC;

-- A grant to PUBLIC on both sides makes PUBLIC's privileges managed.
GRANT SELECT ON base TO PUBLIC;

CREATE TABLE measure (
    id integer,
    k text
) PARTITION BY LIST (k);

CREATE TABLE measure_a PARTITION OF measure FOR VALUES IN ('a');

COMMENT ON COLUMN measure_a.id IS 'the partition''s own comment';
