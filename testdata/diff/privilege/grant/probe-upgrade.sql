SET ROLE autogen_reader;
SELECT id, email FROM app.accounts;
SELECT * FROM app.emails;
RESET ROLE;
DO $$
BEGIN
  IF NOT has_function_privilege('autogen_reader', 'app.total()', 'EXECUTE') OR has_function_privilege('autogen_writer', 'app.total()', 'EXECUTE') THEN
    RAISE EXCEPTION 'EXECUTE on app.total() is not as schema.sql says';
  END IF;
END $$;
