-- An enum loses a value while a partition key holds a column of it, at the
-- root of one tree and under a partition of another, with rows. PostgreSQL
-- cannot convert a partition key's column to the recreated type: the trees
-- are created anew after the swap and their rows routed back, converted.
CREATE TYPE region AS ENUM ('eu', 'us', 'old', 'apac');
CREATE TABLE sales (id int NOT NULL, r region NOT NULL, amount numeric, tags region[]) PARTITION BY LIST (r);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu');
CREATE TABLE sales_rest PARTITION OF sales DEFAULT;
INSERT INTO sales VALUES (1, 'eu', 10, '{eu,us}'), (2, 'us', 20, NULL), (3, 'apac', 30, '{apac}');
CREATE TABLE visits (id int NOT NULL, day int NOT NULL, r region NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE visits_low PARTITION OF visits FOR VALUES FROM (0) TO (100) PARTITION BY LIST (r);
CREATE TABLE visits_low_eu PARTITION OF visits_low FOR VALUES IN ('eu');
CREATE TABLE visits_low_other PARTITION OF visits_low DEFAULT;
CREATE TABLE visits_high PARTITION OF visits FOR VALUES FROM (100) TO (200);
INSERT INTO visits VALUES (1, 5, 'eu'), (2, 50, 'us'), (3, 150, 'apac');
CREATE TABLE plain_use (id int, r region DEFAULT 'eu');
INSERT INTO plain_use VALUES (1, 'us');
