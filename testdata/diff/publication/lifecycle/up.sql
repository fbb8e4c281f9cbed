DROP PUBLICATION gone;

CREATE SCHEMA sales;

CREATE PUBLICATION sales_schema;

ALTER PUBLICATION sales_schema SET (publish_via_partition_root = true);

ALTER PUBLICATION sales_schema ADD TABLE public.parted;

ALTER PUBLICATION sales_schema ADD TABLES IN SCHEMA sales;

ALTER PUBLICATION big_orders DROP TABLE public.audit;

ALTER PUBLICATION big_orders DROP TABLE public.orders;

ALTER PUBLICATION big_orders SET (publish = 'insert, update');

ALTER PUBLICATION big_orders ADD TABLE public.customers;

ALTER PUBLICATION big_orders ADD TABLE public.orders (id, total) WHERE (total > 5000);

COMMENT ON PUBLICATION big_orders IS 'orders worth a look';
