-- A partition with rows, which takes a primary key, a check, a foreign key
-- and an index from its partitioned table.
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (
    id int NOT NULL,
    placed date NOT NULL,
    customer int REFERENCES customers,
    total numeric DEFAULT 0 CHECK (total >= 0),
    PRIMARY KEY (id, placed)
) PARTITION BY RANGE (placed);
CREATE INDEX orders_customer ON orders (customer);
CREATE TABLE orders_2023 PARTITION OF orders FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO customers SELECT g FROM generate_series(1, 10) g;
INSERT INTO orders SELECT g, DATE '2023-01-01' + g, 1 + g % 10, g FROM generate_series(1, 700) g;
