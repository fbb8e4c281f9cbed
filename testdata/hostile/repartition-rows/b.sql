CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY, placed date NOT NULL, total numeric, PRIMARY KEY (id, placed))
    PARTITION BY RANGE (placed);
CREATE TABLE orders_old PARTITION OF orders FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE TABLE orders_new PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);
CREATE TABLE lines (order_id bigint, qty int);
CREATE TABLE "Audit Log" (id serial, at timestamptz NOT NULL DEFAULT now(), msg text);
CREATE TABLE metrics (region text NOT NULL, day date NOT NULL, v int) PARTITION BY LIST (region);
CREATE TABLE metrics_eu PARTITION OF metrics FOR VALUES IN ('eu') PARTITION BY RANGE (day);
CREATE TABLE metrics_eu_old PARTITION OF metrics_eu FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE TABLE metrics_eu_new PARTITION OF metrics_eu FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);
CREATE TABLE metrics_us PARTITION OF metrics FOR VALUES IN ('us');
