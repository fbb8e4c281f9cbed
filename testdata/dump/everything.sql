-- One of everything autogen models, with owners and privileges on every
-- kind that has them, built on the extensions the tests install (PostGIS,
-- pg_partman). autogenerate's TestDumpReadsBack loads it, dumps it with
-- pg_dump (--schema-only, with --clean, with --clean --if-exists) and
-- reads each dump as schema.sql: no error, no change. The roles are the
-- test server's (internal/pgtest).
CREATE SCHEMA app AUTHORIZATION autogen_owner;
CREATE SCHEMA partman;
CREATE EXTENSION postgis;
CREATE EXTENSION pg_partman SCHEMA partman;
CREATE EXTENSION citext;
CREATE EXTENSION btree_gist;
COMMENT ON SCHEMA app IS 'the application';

CREATE COLLATION app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TYPE app.status AS ENUM ('new', 'paid', 'shipped');
CREATE TYPE app.money AS (amount numeric(12,2), currency char(3));
CREATE DOMAIN app.email AS citext CHECK (VALUE ~ '@');
CREATE DOMAIN app.spot AS geometry(Point, 4326) NOT NULL;
CREATE SEQUENCE app.invoice_no START 1000 INCREMENT 10;

CREATE TABLE app.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email app.email NOT NULL UNIQUE,
    name text COLLATE app.nocase,
    home geometry(Point, 4326),
    area geography(Polygon),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE app.orders (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE,
    status app.status NOT NULL DEFAULT 'new',
    total app.money,
    placed tsrange,
    invoice integer DEFAULT nextval('app.invoice_no'),
    CHECK ((total).amount >= 0),
    EXCLUDE USING gist (customer_id WITH =, placed WITH &&)
) WITH (fillfactor = 90);
CREATE TABLE app.events (id bigint NOT NULL, at timestamptz NOT NULL, payload jsonb) PARTITION BY RANGE (at);
CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE app.audit (who text, what text);
CREATE TABLE app.audit_orders (order_id integer) INHERITS (app.audit);
CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY, v text);

CREATE INDEX customers_home ON app.customers USING gist (home);
CREATE INDEX customers_area ON app.customers USING gist (area);
CREATE INDEX orders_open ON app.orders (customer_id) WHERE status <> 'shipped';
CREATE INDEX customers_lower_name ON app.customers (lower(name::text));
CREATE INDEX events_at ON app.events (at);

CREATE VIEW app.open_orders AS SELECT id, customer_id FROM app.orders WHERE status <> 'shipped';
CREATE MATERIALIZED VIEW app.totals AS SELECT customer_id, count(*) AS n FROM app.orders GROUP BY customer_id;
CREATE UNIQUE INDEX totals_customer ON app.totals (customer_id);

CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END
$$;
CREATE FUNCTION app.near(p geometry, d double precision) RETURNS SETOF app.customers
    LANGUAGE sql STABLE AS $$ SELECT * FROM app.customers c WHERE ST_DWithin(c.home, p, d) $$;
CREATE PROCEDURE app.archive(before timestamptz) LANGUAGE sql AS $$ DELETE FROM app.events WHERE at < before $$;
CREATE TRIGGER customers_touch BEFORE INSERT ON app.customers FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON app.orders FOR SELECT TO autogen_reader USING (customer_id > 0);
COMMENT ON TABLE app.orders IS 'orders placed';
COMMENT ON COLUMN app.orders.total IS 'with currency';

ALTER TABLE app.customers OWNER TO autogen_owner;
ALTER TABLE app.orders OWNER TO autogen_owner;
ALTER VIEW app.open_orders OWNER TO autogen_owner;
ALTER MATERIALIZED VIEW app.totals OWNER TO autogen_owner;
ALTER FUNCTION app.near(geometry, double precision) OWNER TO autogen_owner;
ALTER TYPE app.status OWNER TO autogen_owner;
ALTER DOMAIN app.email OWNER TO autogen_owner;
ALTER SEQUENCE app.invoice_no OWNER TO autogen_owner;
ALTER COLLATION app.nocase OWNER TO autogen_owner;

GRANT USAGE ON SCHEMA app TO autogen_reader, autogen_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO autogen_reader;
GRANT INSERT, UPDATE ON app.orders TO autogen_writer WITH GRANT OPTION;
GRANT SELECT (id, email), UPDATE (name) ON app.customers TO autogen_writer;
GRANT USAGE, SELECT ON SEQUENCE app.orders_id_seq, app.invoice_no TO autogen_writer;
REVOKE EXECUTE ON FUNCTION app.near(geometry, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.near(geometry, double precision) TO autogen_reader;
GRANT EXECUTE ON PROCEDURE app.archive(timestamptz) TO autogen_writer;
REVOKE USAGE ON TYPE app.status FROM PUBLIC;
GRANT USAGE ON TYPE app.status TO autogen_writer;
GRANT USAGE ON DOMAIN app.email TO autogen_writer;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner IN SCHEMA app GRANT SELECT ON TABLES TO autogen_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
