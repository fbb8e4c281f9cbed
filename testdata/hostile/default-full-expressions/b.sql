CREATE DOMAIN flag AS boolean DEFAULT (1 = 1 OR false);
CREATE TABLE events (
    id int PRIMARY KEY,
    name text,
    created_at_utc timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
    missing boolean DEFAULT (NULL IS NULL),
    label text DEFAULT ('x' COLLATE "C"),
    inside boolean DEFAULT (2 BETWEEN 1 AND 3),
    f flag
);
CREATE TABLE logs (id int, at timestamp DEFAULT (now() AT TIME ZONE 'utc'), ok boolean DEFAULT (true AND NOT false));
CREATE TABLE measures (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE measures_2026 PARTITION OF measures (id DEFAULT (1 + 1 IN (2, 3))::int) FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
