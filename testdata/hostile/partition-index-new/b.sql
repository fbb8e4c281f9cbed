CREATE TABLE other (id int PRIMARY KEY);
-- The index reaches the partitioned partition (created ONLY there too, one
-- leaf attached, one not) and the default partition's own index is
-- attached; a primary key is added ONLY with one partition attached.
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
ALTER INDEX m_k_idx ATTACH PARTITION m_def_k;
CREATE INDEX m_eu_k ON ONLY m_eu (k);
ALTER INDEX m_k_idx ATTACH PARTITION m_eu_k;
CREATE INDEX m_eu_low_k ON m_eu_low (k);
ALTER INDEX m_eu_k ATTACH PARTITION m_eu_low_k;
ALTER TABLE ONLY m ADD CONSTRAINT m_pkey PRIMARY KEY (id, region);
ALTER TABLE ONLY m_us ADD CONSTRAINT "US key" PRIMARY KEY (id, region);
ALTER INDEX m_pkey ATTACH PARTITION "US key";
