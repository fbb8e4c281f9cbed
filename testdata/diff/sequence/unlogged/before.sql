-- Persistence of sequences (PostgreSQL 15): a serial of an unlogged table
-- is unlogged with it, and switching a table switches the sequences it
-- owns, so only what that leaves otherwise needs a statement.
CREATE SEQUENCE standalone;
CREATE UNLOGGED SEQUENCE scratch;
CREATE UNLOGGED TABLE cache (id serial PRIMARY KEY, v text);
CREATE TABLE events (id serial PRIMARY KEY, at timestamptz);
CREATE SEQUENCE events_ref;
ALTER SEQUENCE events_ref OWNED BY events.at;
CREATE UNLOGGED TABLE staging (id int);
