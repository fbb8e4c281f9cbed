-- One of every kind of dependency the diff orders and recreates by: the
-- readers' agreement test reads it both ways, and TestGraphCoversPgDepend
-- checks the graph against pg_depend.
CREATE SCHEMA app;
CREATE TYPE app.e AS ENUM ('a', 'b');
CREATE TYPE app.ct AS (x integer, tag app.e);
CREATE DOMAIN app.dd AS integer CHECK (VALUE > 0);
CREATE DOMAIN app.de AS app.e CHECK (VALUE <> 'b');
CREATE SEQUENCE app.s;
CREATE FUNCTION app.f(integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN $1 + 1;
CREATE FUNCTION app.g(v app.e) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN v = 'a';
CREATE TABLE app.parent (id integer PRIMARY KEY, label text UNIQUE);
CREATE TABLE app.t (
    id integer PRIMARY KEY,
    c app.e DEFAULT 'a',
    n integer DEFAULT nextval('app.s'),
    g integer GENERATED ALWAYS AS (app.f(id)) STORED,
    w app.ct,
    arr app.e[],
    dcol app.dd,
    parent_label text REFERENCES app.parent (label),
    CHECK (app.f(n) > 0),
    CONSTRAINT t_excl EXCLUDE USING btree (n WITH =)
);
CREATE INDEX ti ON app.t (app.f(n)) WHERE c <> 'b';
CREATE INDEX tj ON app.t (((w).x));
CREATE VIEW app.v AS SELECT id, c, app.g(c) AS is_a FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT * FROM app.v;
CREATE INDEX mv_id ON app.mv (id);
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON app.t USING (c = 'a' AND n > (SELECT count(*) FROM app.parent));
CREATE FUNCTION app.tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER trg BEFORE UPDATE OF n ON app.t FOR EACH ROW WHEN (OLD.c IS DISTINCT FROM NEW.c) EXECUTE FUNCTION app.tf();
CREATE FUNCTION app.cnt() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(c) FROM app.t; END;
CREATE FUNCTION app.rows_of() RETURNS SETOF app.t LANGUAGE sql STABLE AS $$SELECT * FROM app.t$$;
CREATE TABLE app.log (id integer, at date) PARTITION BY RANGE (at);
CREATE TABLE app.log_2026 PARTITION OF app.log FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
