CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', tg_tag; END $$;
CREATE EVENT TRIGGER log_all ON ddl_command_end EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER log_tables ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER log_gone ON sql_drop EXECUTE FUNCTION log_ddl();
