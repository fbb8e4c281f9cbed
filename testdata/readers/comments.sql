-- A comment on every kind of object that can carry one.
CREATE EXTENSION hstore;
COMMENT ON EXTENSION hstore IS 'key/value pairs, our comment';
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE TYPE app.status AS ENUM ('on', 'off');
COMMENT ON TYPE app.status IS 'an enum';
CREATE DOMAIN app.pct AS numeric CONSTRAINT pct_range CHECK (VALUE BETWEEN 0 AND 100);
COMMENT ON DOMAIN app.pct IS 'a domain';
COMMENT ON CONSTRAINT pct_range ON DOMAIN app.pct IS 'a domain constraint';
CREATE TYPE app.pair AS (a int, b int);
COMMENT ON TYPE app.pair IS 'a composite';
CREATE COLLATION app.num (provider = icu, locale = 'en-u-kn-true');
COMMENT ON COLLATION app.num IS 'a collation';
CREATE SEQUENCE app.counter;
COMMENT ON SEQUENCE app.counter IS 'a sequence';
CREATE TABLE app.items (
    id serial PRIMARY KEY,
    name text NOT NULL CONSTRAINT name_not_empty CHECK (name <> ''),
    status app.status
);
COMMENT ON TABLE app.items IS 'a table';
COMMENT ON COLUMN app.items.name IS 'a column';
COMMENT ON CONSTRAINT items_pkey ON app.items IS 'a primary key';
COMMENT ON CONSTRAINT name_not_empty ON app.items IS 'a check';
CREATE INDEX items_name ON app.items (name);
COMMENT ON INDEX app.items_name IS 'an index';
CREATE VIEW app.named AS SELECT id, name FROM app.items;
COMMENT ON VIEW app.named IS 'a view';
CREATE MATERIALIZED VIEW app.counts AS SELECT status, count(*) AS n FROM app.items GROUP BY status;
COMMENT ON MATERIALIZED VIEW app.counts IS 'a materialized view';
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
COMMENT ON FUNCTION app.touch() IS 'a function';
CREATE PROCEDURE app.noop(x int) LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE app.noop(int) IS 'a procedure';
CREATE TRIGGER items_touch BEFORE UPDATE ON app.items FOR EACH ROW EXECUTE FUNCTION app.touch();
COMMENT ON TRIGGER items_touch ON app.items IS 'a trigger';
ALTER TABLE app.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_all ON app.items USING (true);
COMMENT ON POLICY items_all ON app.items IS 'a policy';
COMMENT ON TABLE app.items IS 'a table, commented again';
COMMENT ON COLUMN app.items.status IS NULL;

-- The public schema's own comment, changed from PostgreSQL's stock one.
COMMENT ON SCHEMA public IS 'the app''s schema';
