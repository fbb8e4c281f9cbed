-- ev_2024's own index came first, so ev_at attached it under its name;
-- the new partition and the primary key get the names PostgreSQL gives
-- them, which need no renaming.
CREATE TABLE ev (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ev_2024_by_at ON ev_2024 (at);
CREATE INDEX ev_at ON ev (at);
CREATE TABLE ev_2025 PARTITION OF ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ev ADD PRIMARY KEY (id, at);
