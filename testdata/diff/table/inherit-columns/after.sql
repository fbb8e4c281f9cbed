-- The parent drops note and adds extra; the child drops a2, adds x and
-- keeps a note of its own (added after the parent's goes, which takes the
-- inherited one with it); the grandchild adds y. Downgrading, the child's
-- own note is dropped before the parent adds note back, so that the child
-- inherits it again rather than merging it into a column of its own.
CREATE TABLE base (
    id integer NOT NULL,
    created_at timestamp DEFAULT now(),
    extra text
);

CREATE TABLE child (
    a1 integer,
    note text,
    x integer
) INHERITS (base);

CREATE TABLE grandchild (
    g integer,
    y integer
) INHERITS (child);
