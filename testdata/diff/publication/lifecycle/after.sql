CREATE SCHEMA sales;
CREATE TABLE orders (id integer PRIMARY KEY, total numeric, note text);
CREATE TABLE customers (id integer PRIMARY KEY, name text);
CREATE TABLE audit (at timestamptz, what text);
CREATE TABLE parted (id integer, at date) PARTITION BY RANGE (at);
CREATE PUBLICATION big_orders FOR TABLE orders (id, total) WHERE (total > 5000), TABLE customers
    WITH (publish = 'insert, update');
COMMENT ON PUBLICATION big_orders IS 'orders worth a look';
CREATE PUBLICATION sales_schema FOR TABLES IN SCHEMA sales, TABLE parted WITH (publish_via_partition_root = true);
