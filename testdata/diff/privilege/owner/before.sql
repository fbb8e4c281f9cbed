CREATE SCHEMA app;
CREATE TABLE app.items (id serial PRIMARY KEY, name text);
CREATE VIEW app.names AS SELECT name FROM app.items;
CREATE FUNCTION app.f() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
ALTER TABLE app.items OWNER TO autogen_writer;
ALTER FUNCTION app.f() OWNER TO autogen_writer;
