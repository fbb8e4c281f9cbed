ALTER FUNCTION app.f() OWNER TO autogen_writer;

ALTER TABLE app.items OWNER TO autogen_writer;

DROP DOMAIN app.label;
