-- Attached, the partition keeps its own index beside the one ev_at gets:
-- PostgreSQL would take the existing index for ev_at, so it is built
-- again after the attach.
CREATE TABLE ev (id integer, at date) PARTITION BY RANGE (at);
CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ev_at ON ev (at);
CREATE INDEX ev_2024_local ON ev_2024 (at);
