-- Tables whose partitioning changes, with rows: a plain table becomes
-- partitioned, a partitioned one with an odd name becomes plain, and a
-- leaf partition becomes partitioned itself. PostgreSQL cannot change a
-- table's partitioning in place: the trees are created anew and the rows
-- routed into them.
CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, placed date NOT NULL, total numeric);
INSERT INTO orders (placed, total) VALUES ('2023-01-05', 10), ('2024-03-01', 20);
CREATE TABLE lines (order_id bigint REFERENCES orders, qty int);
INSERT INTO lines VALUES (1, 3), (2, 4);
CREATE TABLE "Audit Log" (id serial, at timestamptz NOT NULL DEFAULT now(), msg text) PARTITION BY RANGE (at);
CREATE TABLE audit_2023 PARTITION OF "Audit Log" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE audit_rest PARTITION OF "Audit Log" DEFAULT;
INSERT INTO "Audit Log" (at, msg) VALUES ('2023-02-01', 'a'), ('2025-01-01', 'b');
CREATE TABLE metrics (region text NOT NULL, day date NOT NULL, v int) PARTITION BY LIST (region);
CREATE TABLE metrics_eu PARTITION OF metrics FOR VALUES IN ('eu');
CREATE TABLE metrics_us PARTITION OF metrics FOR VALUES IN ('us');
INSERT INTO metrics VALUES ('eu', '2024-01-01', 1), ('us', '2024-06-01', 2), ('eu', '2023-01-01', 3);
