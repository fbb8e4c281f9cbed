CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', tg_tag; END $$;
CREATE EVENT TRIGGER log_all ON ddl_command_end EXECUTE FUNCTION log_ddl();
ALTER EVENT TRIGGER log_all DISABLE;
COMMENT ON EVENT TRIGGER log_all IS 'every command';
CREATE EVENT TRIGGER log_tables ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER log_rewrites ON table_rewrite EXECUTE FUNCTION log_ddl();
ALTER EVENT TRIGGER log_rewrites ENABLE ALWAYS;
CREATE EVENT TRIGGER log_order ON ddl_command_end WHEN TAG IN ('DROP TABLE', 'create table', 'DROP TABLE') EXECUTE FUNCTION log_ddl();
