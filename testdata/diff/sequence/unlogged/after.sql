-- Persistence of sequences (PostgreSQL 15): a serial of an unlogged table
-- is unlogged with it, and switching a table switches the sequences it
-- owns, so only what that leaves otherwise needs a statement.
CREATE UNLOGGED SEQUENCE standalone;
CREATE SEQUENCE scratch;
CREATE TABLE cache (id serial PRIMARY KEY, v text);
CREATE UNLOGGED TABLE events (id serial PRIMARY KEY, at timestamptz);
CREATE SEQUENCE events_ref;
ALTER SEQUENCE events_ref OWNED BY events.at;
ALTER SEQUENCE events_ref SET LOGGED;
CREATE UNLOGGED TABLE staging (id serial);
