-- Exclusion constraints, with and without btree_gist.
CREATE EXTENSION btree_gist;

CREATE TABLE circles (
    c circle,
    EXCLUDE USING gist (c WITH &&)
);

CREATE TABLE reservations (
    room integer NOT NULL,
    during tsrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    note text,
    CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled),
    EXCLUDE USING gist (room WITH =, during WITH &&) INCLUDE (note) WITH (fillfactor = 80) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE singles (
    k integer,
    EXCLUDE (k WITH =)
);
ALTER TABLE singles ADD EXCLUDE USING btree (abs(k) WITH =);
