-- Unqualified names are resolved against the search_path in effect where
-- they appear.
CREATE SCHEMA app;
CREATE SCHEMA util;
SET search_path = app, public;
CREATE TYPE kind AS ENUM ('a', 'b');
CREATE SEQUENCE ids;
CREATE FUNCTION next_id() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('app.ids') $$;
CREATE TABLE things (
    id bigint PRIMARY KEY DEFAULT nextval('ids'),
    id2 bigint DEFAULT next_id(),
    k kind DEFAULT 'a'::kind,
    created timestamptz DEFAULT now()
);
SELECT pg_catalog.set_config('search_path', 'util', false);
CREATE FUNCTION util.double(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE TABLE numbers (n int CHECK (double(n) < 100));
SET search_path TO util, app;
CREATE TABLE refs (t bigint REFERENCES things, k kind);
CREATE VIEW thing_view AS SELECT id, k, double(1) AS two FROM things;
RESET search_path;
CREATE TABLE in_public (id int);
SET search_path = '';
CREATE TABLE public.qualified (id int DEFAULT pg_catalog.abs(-1));
SET search_path TO "$user", public;
CREATE TABLE back_in_public (x text DEFAULT 'x');
