-- The partitioned table gains a column in the middle; its partitions
-- take the new order, the one created on its own keeps its own order with
-- the new column where b.sql puts it: each is rewritten with its own rows,
-- and a foreign key and a view on the partitioned table are recreated
-- around them.
CREATE TABLE events (
    id bigserial,
    at date NOT NULL,
    source text DEFAULT 'web',
    kind text NOT NULL,
    payload jsonb,
    PRIMARY KEY (id, at, kind)
) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (kind);
CREATE TABLE events_2024_click PARTITION OF events_2024 FOR VALUES IN ('click');
CREATE TABLE events_2024_other PARTITION OF events_2024 DEFAULT;
CREATE TABLE events_2025 (payload jsonb, source text DEFAULT 'web', kind text NOT NULL, at date NOT NULL, id bigint NOT NULL DEFAULT nextval('events_id_seq'));
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
CREATE INDEX events_kind ON events (kind);
CREATE TABLE event_notes (id bigint, at date, kind text, note text, FOREIGN KEY (id, at, kind) REFERENCES events (id, at, kind));
CREATE VIEW recent AS SELECT id, kind FROM events WHERE at > '2025-06-01';
