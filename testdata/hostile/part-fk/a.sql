CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint NOT NULL, at date NOT NULL, customer_id bigint, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO customers VALUES (1);
INSERT INTO orders VALUES (1, '2024-02-02', 1);
