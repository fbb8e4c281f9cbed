-- The 2023 partition is detached into an archive table: it keeps its
-- primary key, check, default and index as its own, but not the foreign
-- key, and its check is changed.
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (
    id int NOT NULL,
    placed date NOT NULL,
    customer int REFERENCES customers,
    total numeric DEFAULT 0 CHECK (total >= 0),
    PRIMARY KEY (id, placed)
) PARTITION BY RANGE (placed);
CREATE INDEX orders_customer ON orders (customer);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_2023 (
    id int NOT NULL,
    placed date NOT NULL,
    customer int,
    total numeric DEFAULT 0 CONSTRAINT orders_total_check CHECK (total >= 0 AND total < 100000),
    PRIMARY KEY (id, placed)
);
CREATE INDEX orders_2023_customer_idx ON orders_2023 (customer);
