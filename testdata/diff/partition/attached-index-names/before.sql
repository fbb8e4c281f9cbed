-- The index of ev_2024 attached to ev_at has the name PostgreSQL chose.
CREATE TABLE ev (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ev_at ON ev (at);
