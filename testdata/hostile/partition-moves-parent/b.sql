CREATE TABLE sales (id int, region text NOT NULL, amount bigint NOT NULL, UNIQUE (region, amount)) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF sales (PRIMARY KEY (region, amount)) FOR VALUES IN ('eu');
