CREATE TABLE parent (
    id integer NOT NULL,
    v text DEFAULT 'x',
    CONSTRAINT parent_id_positive CHECK (id > 0)
);

CREATE TABLE child (
    id integer,
    y integer
);
