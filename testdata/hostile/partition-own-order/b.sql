-- Partitions created on their own, columns in their own order, with the
-- check ATTACH PARTITION requires, then attached; one in the parent's order.
CREATE TABLE readings (
    sensor int NOT NULL,
    taken timestamptz NOT NULL,
    value numeric CHECK (value >= 0),
    UNIQUE (sensor, taken)
) PARTITION BY RANGE (taken);
CREATE INDEX readings_value ON readings (value);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 (value numeric, taken timestamptz NOT NULL, sensor int NOT NULL, CONSTRAINT readings_value_check CHECK (value >= 0));
ALTER TABLE readings ATTACH PARTITION readings_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE "Readings Old" (taken timestamptz NOT NULL, value numeric, sensor int NOT NULL, CONSTRAINT readings_value_check CHECK (value >= 0));
ALTER TABLE readings ATTACH PARTITION "Readings Old" DEFAULT;
CREATE TABLE readings_2026 (sensor int NOT NULL, taken timestamptz NOT NULL, value numeric, CONSTRAINT readings_value_check CHECK (value >= 0));
ALTER TABLE readings ATTACH PARTITION readings_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
