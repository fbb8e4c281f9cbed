-- A partitioned index created ONLY and attached for some partitions only,
-- in a tree with a partitioned partition; rows in every leaf.
CREATE TABLE m (id int NOT NULL, region text NOT NULL, k int NOT NULL, note text) PARTITION BY LIST (region);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu') PARTITION BY RANGE (k);
CREATE TABLE m_eu_low PARTITION OF m_eu FOR VALUES FROM (0) TO (100);
CREATE TABLE m_eu_high PARTITION OF m_eu FOR VALUES FROM (100) TO (1000);
CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');
CREATE TABLE m_def PARTITION OF m DEFAULT;
CREATE INDEX m_k_idx ON ONLY m (k);
CREATE INDEX "m us k" ON m_us (k);
ALTER INDEX m_k_idx ATTACH PARTITION "m us k";
CREATE INDEX m_def_k ON m_def (k);
INSERT INTO m SELECT g, (ARRAY['eu', 'us', 'xx'])[1 + g % 3], g % 1000, 'n' || g FROM generate_series(1, 300) g;
