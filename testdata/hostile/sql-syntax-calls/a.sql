-- The same function written as a call and in SQL syntax (AT TIME ZONE,
-- SUBSTRING ... FROM ... FOR, OVERLAY, POSITION, COLLATION FOR): PostgreSQL
-- keeps which one was written and pg_dump prints each its own way, so a
-- change from one to the other is a change.
CREATE TABLE events (
    id bigint NOT NULL,
    created_at timestamp NOT NULL DEFAULT timezone('utc', now()),
    code text CHECK (substring(code, 1, 2) <> 'xx'),
    note text
);
CREATE INDEX events_pos ON events ((position('a' in note)));
CREATE VIEW v AS SELECT overlay(note placing 'z' from 1 for 1) AS o, pg_collation_for(note) AS c FROM events;
INSERT INTO events VALUES (1, now(), 'ab', 'note');
