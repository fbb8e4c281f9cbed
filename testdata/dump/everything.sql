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

-- The kinds held as definitions, with owners and privileges where
-- PostgreSQL gives them.
CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE AGGREGATE app.pct_rank(VARIADIC "any" ORDER BY VARIADIC "any") (SFUNC = ordered_set_transition_multi,
    STYPE = internal, FINALFUNC = percent_rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
CREATE FUNCTION app.same_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT length($1) = length($2)';
CREATE OPERATOR app.=~= (LEFTARG = text, RIGHTARG = text, FUNCTION = app.same_len, COMMUTATOR = OPERATOR(app.=~=));
CREATE TYPE app.floatrange AS RANGE (subtype = float8);
CREATE TEXT SEARCH DICTIONARY app.simple_nostop (TEMPLATE = pg_catalog.simple);
CREATE TEXT SEARCH CONFIGURATION app.plain (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION app.plain ALTER MAPPING FOR asciiword WITH app.simple_nostop;
CREATE STATISTICS app.orders_stats (dependencies) ON customer_id, status FROM app.orders;
CREATE RULE audit_ignore AS ON DELETE TO app.audit DO INSTEAD NOTHING;
CREATE FUNCTION app.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER app_ddl ON ddl_command_end EXECUTE FUNCTION app.on_ddl();
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER remote FOREIGN DATA WRAPPER dummy OPTIONS (host 'elsewhere');
CREATE USER MAPPING FOR autogen_reader SERVER remote OPTIONS (user 'reader');
CREATE FOREIGN TABLE app.remote_orders (id integer, total numeric) SERVER remote;
CREATE PUBLICATION app_orders FOR TABLE app.orders WHERE (id > 0);

ALTER AGGREGATE app.total(integer) OWNER TO autogen_owner;
ALTER OPERATOR app.=~= (text, text) OWNER TO autogen_owner;
ALTER TYPE app.floatrange OWNER TO autogen_owner;
ALTER TEXT SEARCH CONFIGURATION app.plain OWNER TO autogen_owner;
ALTER SERVER remote OWNER TO autogen_owner;
ALTER FOREIGN TABLE app.remote_orders OWNER TO autogen_owner;
ALTER PUBLICATION app_orders OWNER TO autogen_owner;
REVOKE EXECUTE ON FUNCTION app.total(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.total(integer) TO autogen_reader;
GRANT USAGE ON TYPE app.floatrange TO autogen_writer;
GRANT USAGE ON FOREIGN DATA WRAPPER dummy TO autogen_owner;
GRANT USAGE ON FOREIGN SERVER remote TO autogen_reader;
GRANT SELECT ON app.remote_orders TO autogen_reader;
