-- A partitioned table whose NOT VALID check was added after one partition
-- and before the others: those created later, and one validated on its
-- own, have validated copies, which pg_dump prints as theirs. b.sql changes
-- the check's expression (the copies go with it and must be validated
-- again), adds a NOT VALID check with partitions created before and after
-- it, and a sub-partitioned partition. Rows in every partition.
CREATE TABLE orders (
    region text NOT NULL,
    qty int,
    note text
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');
ALTER TABLE orders ADD CONSTRAINT orders_qty CHECK (qty > 0) NOT VALID;
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE "Orders Asia" PARTITION OF orders FOR VALUES IN ('asia');
CREATE TABLE orders_sa PARTITION OF orders FOR VALUES IN ('sa');
ALTER TABLE orders_sa VALIDATE CONSTRAINT orders_qty;
INSERT INTO orders VALUES ('eu', 1, 'a'), ('us', 2, 'b'), ('asia', 3, 'c'), ('sa', 4, 'd');
