CREATE TABLE m (id int NOT NULL, region text NOT NULL, v text) PARTITION BY LIST (region);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu');
CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us');
CREATE INDEX m_v ON m (v);
CREATE INDEX m_eu_extra ON m_eu (id);
INSERT INTO m VALUES (1, 'eu', 'a'), (2, 'us', 'b');
