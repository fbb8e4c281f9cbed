-- A table with an index of its own, defined as the partitioned index of
-- the table it is about to become a partition of.
CREATE TABLE ev (id integer, at date) PARTITION BY RANGE (at);
CREATE INDEX ev_at ON ev (at);
CREATE TABLE ev_2024 (id integer, at date);
CREATE INDEX ev_2024_local ON ev_2024 (at);
