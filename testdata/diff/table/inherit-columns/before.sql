-- Classic inheritance: each table lists the columns it defines itself.
CREATE TABLE base (
    id integer NOT NULL,
    created_at timestamp DEFAULT now(),
    note text
);

CREATE TABLE child (
    a1 integer,
    a2 integer
) INHERITS (base);

CREATE TABLE grandchild (
    g integer
) INHERITS (child);
