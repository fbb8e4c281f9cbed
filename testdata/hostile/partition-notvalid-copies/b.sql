CREATE TABLE orders (
    region text NOT NULL,
    qty int,
    note text
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');
ALTER TABLE orders ADD CONSTRAINT orders_qty CHECK (qty >= 0) NOT VALID;
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE "Orders Asia" PARTITION OF orders FOR VALUES IN ('asia');
CREATE TABLE orders_sa PARTITION OF orders FOR VALUES IN ('sa');
ALTER TABLE orders ADD CONSTRAINT orders_note CHECK (note <> '') NOT VALID;
CREATE TABLE orders_af PARTITION OF orders FOR VALUES IN ('af') PARTITION BY LIST (qty);
CREATE TABLE orders_af_1 PARTITION OF orders_af FOR VALUES IN (1);
ALTER TABLE "Orders Asia" VALIDATE CONSTRAINT orders_note;
