CREATE TABLE events (
    id bigint NOT NULL,
    created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    code text CHECK (substring(code from 1 for 2) <> 'xx'),
    note text
);
CREATE INDEX events_pos ON events (strpos(note, 'a'));
CREATE VIEW v AS SELECT overlay(note, 'z', 1, 1) AS o, collation for (note) AS c FROM events;
