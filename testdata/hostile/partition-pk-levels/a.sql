-- A primary key added to a table with a partitioned partition, beside a
-- partitioned unique index on that partition; rows in the leaves.
CREATE TABLE s (id int NOT NULL, r text NOT NULL, y int NOT NULL) PARTITION BY LIST (r);
CREATE TABLE s_eu PARTITION OF s FOR VALUES IN ('eu') PARTITION BY RANGE (y);
CREATE TABLE s_eu_24 PARTITION OF s_eu FOR VALUES FROM (2024) TO (2025);
CREATE TABLE s_us PARTITION OF s FOR VALUES IN ('us');
INSERT INTO s VALUES (1, 'eu', 2024), (2, 'us', 1);
