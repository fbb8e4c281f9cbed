-- A partition moved to a new partitioned table whose keys and column types
-- differ: detached, it keeps its old parent's primary key as its own until
-- that goes, its columns take the new parent's types, and its own primary
-- key of another definition but the same name comes before the attach.
CREATE TABLE orders (id int, region text NOT NULL, amount int, PRIMARY KEY (region, id)) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');
INSERT INTO orders VALUES (1, 'eu', 10), (2, 'eu', 20);
