-- Partitioning and inheritance.
CREATE TABLE measurements (
    city int NOT NULL,
    logdate date NOT NULL,
    peak int DEFAULT 0,
    note text,
    PRIMARY KEY (city, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2020 PARTITION OF measurements FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measurements_2021 PARTITION OF measurements (peak DEFAULT 5, note NOT NULL)
    FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE measurements_old PARTITION OF measurements FOR VALUES FROM (MINVALUE) TO ('2020-01-01');
CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;
CREATE INDEX ON measurements (peak);
ALTER TABLE measurements ADD CONSTRAINT peak_positive CHECK (peak >= 0);

CREATE TABLE stamped (ts timestamptz NOT NULL, v int) PARTITION BY RANGE (ts);
CREATE TABLE stamped_1 PARTITION OF stamped FOR VALUES FROM ('2020-01-01 00:00:00+00') TO ('2020-02-01 00:00:00+00');

CREATE TABLE by_list (code text, region text) PARTITION BY LIST (lower(code));
CREATE TABLE by_list_ab PARTITION OF by_list FOR VALUES IN ('a', 'b') PARTITION BY LIST (region);
CREATE TABLE by_list_ab_eu PARTITION OF by_list_ab FOR VALUES IN ('eu');
CREATE TABLE by_list_null PARTITION OF by_list FOR VALUES IN (NULL);

CREATE TABLE hashed (id bigint, payload text) PARTITION BY HASH (id);
CREATE TABLE hashed_0 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hashed_1 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE UNIQUE INDEX hashed_id ON hashed (id);

CREATE TABLE multi (a int, b text, c int) PARTITION BY RANGE (a, c);
CREATE TABLE multi_1 PARTITION OF multi FOR VALUES FROM (1, MINVALUE) TO (10, MAXVALUE);

-- The form pg_dump writes: plain tables attached afterwards.
CREATE TABLE orders (id int NOT NULL, region text NOT NULL, total numeric DEFAULT 0, CONSTRAINT total_check CHECK (total >= 0))
    PARTITION BY LIST (region);
CREATE TABLE orders_eu (id int NOT NULL, region text NOT NULL, total numeric DEFAULT 0, CONSTRAINT total_check CHECK (total >= 0));
CREATE TABLE orders_us (id int NOT NULL, region text NOT NULL, total numeric, CONSTRAINT total_check CHECK (total >= 0));
ALTER TABLE ONLY orders ATTACH PARTITION orders_eu FOR VALUES IN ('eu');
ALTER TABLE ONLY orders ATTACH PARTITION orders_us FOR VALUES IN ('us');
ALTER TABLE ONLY orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id, region);
ALTER TABLE ONLY orders_eu ADD CONSTRAINT orders_eu_pkey PRIMARY KEY (id, region);
ALTER TABLE ONLY orders_us ADD CONSTRAINT orders_us_pkey PRIMARY KEY (id, region);
CREATE INDEX orders_total_idx ON ONLY orders USING btree (total);
CREATE INDEX orders_eu_total_idx ON orders_eu USING btree (total);
CREATE INDEX orders_us_total_idx ON orders_us USING btree (total);
ALTER INDEX orders_total_idx ATTACH PARTITION orders_eu_total_idx;
ALTER INDEX orders_pkey ATTACH PARTITION orders_eu_pkey;
ALTER INDEX orders_total_idx ATTACH PARTITION orders_us_total_idx;
ALTER INDEX orders_pkey ATTACH PARTITION orders_us_pkey;
CREATE TABLE customers (id int PRIMARY KEY);
ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (id) REFERENCES customers (id);

-- Classic inheritance.
CREATE TABLE base (id serial, name text DEFAULT 'n', CHECK (id > 0));
CREATE TABLE derived (extra int, name text DEFAULT 'd') INHERITS (base);
CREATE TABLE derived2 (id int) INHERITS (base);
ALTER TABLE base ADD COLUMN added int DEFAULT 3;
CREATE TABLE standalone (z int);
CREATE TABLE joins_later (id integer NOT NULL, name text, added int, z int, CONSTRAINT base_id_check CHECK (id > 0));
ALTER TABLE joins_later INHERIT base;

-- A primary key two levels down: the grandchild's index is named after
-- its parent's constraint (s3_eu_24_pkey), not as a plain index.
CREATE TABLE s3 (id int NOT NULL, r text NOT NULL, y int NOT NULL, PRIMARY KEY (id, r, y)) PARTITION BY LIST (r);
CREATE TABLE s3_eu PARTITION OF s3 FOR VALUES IN ('eu') PARTITION BY RANGE (y);
CREATE TABLE s3_eu_24 PARTITION OF s3_eu FOR VALUES FROM (2024) TO (2025);
CREATE TABLE s3_eu_25 PARTITION OF s3_eu FOR VALUES FROM (2025) TO (2026) PARTITION BY LIST (id);
CREATE TABLE s3_eu_25_1 PARTITION OF s3_eu_25 FOR VALUES IN (1);

-- An index created on a partitioned table whose partition is partitioned
-- again reaches the partitions of that partition too.
CREATE TABLE ix3 (id int, at date NOT NULL, kind text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE ix3_24 PARTITION OF ix3 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (kind);
CREATE TABLE ix3_24_click PARTITION OF ix3_24 FOR VALUES IN ('click');
CREATE INDEX ix3_kind ON ix3 (kind);

-- A partition created on its own keeps its column order once attached
-- (pg_dump prints it); one in its parent's order has nothing to keep.
CREATE TABLE co (id int NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);
CREATE TABLE co_1 (note text, at date NOT NULL, id int NOT NULL);
ALTER TABLE co ATTACH PARTITION co_1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE co_2 (id int NOT NULL, at date NOT NULL, note text);
ALTER TABLE co ATTACH PARTITION co_2 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE co ADD COLUMN extra int;
