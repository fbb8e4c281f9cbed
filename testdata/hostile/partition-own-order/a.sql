-- A partitioned table with a check, a unique key and an index, and one
-- partition; b.sql adds partitions created on their own with their columns
-- in other orders and attached, as pg_dump of such a database prints them.
CREATE TABLE readings (
    sensor int NOT NULL,
    taken timestamptz NOT NULL,
    value numeric CHECK (value >= 0),
    UNIQUE (sensor, taken)
) PARTITION BY RANGE (taken);
CREATE INDEX readings_value ON readings (value);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO readings VALUES (1, '2024-05-01', 2.5);
