-- A partition tree with rows: a range-partitioned table, a partition
-- partitioned again by list, a default partition, and a partition created
-- on its own (columns in another order) and attached. b.sql adds a column
-- in the middle of the partitioned table, which PostgreSQL can only
-- append: with exact column order the tree is rewritten with its rows.
CREATE TABLE events (
    id bigserial,
    at date NOT NULL,
    kind text NOT NULL,
    payload jsonb,
    PRIMARY KEY (id, at, kind)
) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (kind);
CREATE TABLE events_2024_click PARTITION OF events_2024 FOR VALUES IN ('click');
CREATE TABLE events_2024_other PARTITION OF events_2024 DEFAULT;
CREATE TABLE events_2025 (payload jsonb, kind text NOT NULL, at date NOT NULL, id bigint NOT NULL DEFAULT nextval('events_id_seq'));
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
CREATE INDEX events_kind ON events (kind);
CREATE TABLE event_notes (id bigint, at date, kind text, note text, FOREIGN KEY (id, at, kind) REFERENCES events (id, at, kind));
CREATE VIEW recent AS SELECT id, kind FROM events WHERE at > '2025-06-01';

INSERT INTO events (at, kind, payload) VALUES
    ('2024-02-01', 'click', '{"x": 1}'), ('2024-03-01', 'view', NULL),
    ('2025-02-01', 'click', '{"y": 2}'), ('2027-01-01', 'view', '{}');
INSERT INTO event_notes SELECT id, at, kind, 'seen' FROM events WHERE kind = 'click';
