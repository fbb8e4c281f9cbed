-- The desired schema. autogen writes the migrations from it
-- (autogen revision -m "..."); sqlc generates the Go queries from it
-- (go tool sqlc generate). One file, two readers.
CREATE TABLE authors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors ON DELETE CASCADE,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    pinned boolean NOT NULL DEFAULT false
);

CREATE INDEX notes_author_id ON notes (author_id);