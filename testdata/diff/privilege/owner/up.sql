CREATE DOMAIN app.label AS text;

ALTER DOMAIN app.label OWNER TO autogen_owner;

ALTER FUNCTION app.f() OWNER TO autogen_owner;

ALTER SCHEMA app OWNER TO autogen_owner;

ALTER TABLE app.items OWNER TO autogen_owner;

ALTER VIEW app.names OWNER TO autogen_owner;

GRANT SELECT ON TABLE app.items TO autogen_writer;
