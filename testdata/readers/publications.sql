-- Publications: of all tables, of tables with column lists and row
-- filters, of schemas, with options; changed by ALTER PUBLICATION.
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, total numeric, note text);
CREATE TABLE sales.customers (id integer PRIMARY KEY, name text);
CREATE TABLE audit (at timestamptz, what text);
CREATE PUBLICATION everything FOR ALL TABLES;
CREATE PUBLICATION big_orders FOR TABLE sales.orders (total, id) WHERE (total > 1000) WITH (publish = 'insert, update');
ALTER PUBLICATION big_orders ADD TABLE audit;
CREATE PUBLICATION sales_schema FOR TABLES IN SCHEMA sales WITH (publish_via_partition_root = true);
CREATE PUBLICATION nothing_yet;
ALTER PUBLICATION nothing_yet SET (publish = 'truncate');
COMMENT ON PUBLICATION big_orders IS 'orders worth a look';
