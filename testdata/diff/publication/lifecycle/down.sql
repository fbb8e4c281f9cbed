DROP PUBLICATION sales_schema;

CREATE PUBLICATION gone FOR ALL TABLES;

ALTER PUBLICATION big_orders SET (publish = 'insert, update, delete, truncate');

ALTER PUBLICATION big_orders DROP TABLE public.customers;

ALTER PUBLICATION big_orders DROP TABLE public.orders;

ALTER PUBLICATION big_orders ADD TABLE public.audit;

ALTER PUBLICATION big_orders ADD TABLE public.orders WHERE (total > 1000);

COMMENT ON PUBLICATION big_orders IS NULL;

DROP SCHEMA sales;
