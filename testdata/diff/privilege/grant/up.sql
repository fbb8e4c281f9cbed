GRANT SELECT (email) ON TABLE app.accounts TO autogen_reader;

GRANT SELECT (id) ON TABLE app.accounts TO autogen_reader;

REVOKE EXECUTE ON FUNCTION app.total() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app.total() TO autogen_reader;

GRANT USAGE ON SCHEMA app TO autogen_reader;

GRANT USAGE ON SCHEMA app TO autogen_writer;

GRANT USAGE ON SEQUENCE app.invoice_no TO autogen_writer;

GRANT UPDATE ON TABLE app.accounts TO autogen_writer;

REVOKE USAGE ON TYPE app.kind FROM PUBLIC;

REVOKE GRANT OPTION FOR SELECT ON TABLE app.emails FROM autogen_writer;

GRANT SELECT ON TABLE app.emails TO autogen_reader;
