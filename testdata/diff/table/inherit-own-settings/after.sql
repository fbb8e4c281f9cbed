-- The child's comment, privileges and default on inherited columns go
-- (it follows its parent again), and so does the partition's comment; the
-- parent adds w, on which the child sets a default of its own once the
-- parent has added it, and the child makes id NOT NULL. The partitioned
-- table adds note, on which the partition sets a default of its own.
CREATE TABLE base (
    id integer,
    v integer DEFAULT 1,
    w integer
);

CREATE TABLE child (
    y integer
) INHERITS (base);

ALTER TABLE child ALTER COLUMN w SET DEFAULT 9;

ALTER TABLE child ALTER COLUMN id SET NOT NULL;

-- A grant to PUBLIC on both sides makes PUBLIC's privileges managed.
GRANT SELECT ON base TO PUBLIC;

CREATE TABLE measure (
    id integer,
    k text,
    note text DEFAULT 'x'
) PARTITION BY LIST (k);

CREATE TABLE measure_a PARTITION OF measure FOR VALUES IN ('a');

ALTER TABLE measure_a ALTER COLUMN note SET DEFAULT 'y';
