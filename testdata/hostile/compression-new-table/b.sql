CREATE TABLE keep (id int);
CREATE TABLE blobs (id int, data bytea COMPRESSION lz4, meta jsonb COMPRESSION pglz) PARTITION BY RANGE (id);
CREATE TABLE blobs_1 PARTITION OF blobs FOR VALUES FROM (0) TO (100);
