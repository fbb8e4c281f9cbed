REVOKE SELECT (email) ON TABLE app.accounts FROM autogen_reader;

REVOKE SELECT (id) ON TABLE app.accounts FROM autogen_reader;

REVOKE EXECUTE ON FUNCTION app.total() FROM autogen_reader;

GRANT EXECUTE ON FUNCTION app.total() TO PUBLIC;

REVOKE USAGE ON SCHEMA app FROM autogen_reader;

REVOKE USAGE ON SCHEMA app FROM autogen_writer;

REVOKE USAGE ON SEQUENCE app.invoice_no FROM autogen_writer;

REVOKE UPDATE ON TABLE app.accounts FROM autogen_writer;

GRANT USAGE ON TYPE app.kind TO PUBLIC;

REVOKE SELECT ON TABLE app.emails FROM autogen_reader;

GRANT SELECT ON TABLE app.emails TO autogen_writer WITH GRANT OPTION;
