CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO autogen_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner IN SCHEMA app GRANT SELECT ON TABLES TO autogen_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner GRANT USAGE ON SCHEMAS TO autogen_reader;
-- A table created in the revision gets exactly what the file says,
-- whatever default privileges the role applying it has.
CREATE TABLE app.audit (at timestamptz);
GRANT SELECT ON app.audit TO autogen_reader;
