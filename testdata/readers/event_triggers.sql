-- Event triggers: on every command, filtered by tags, disabled, always.
CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', tg_tag; END $$;
CREATE EVENT TRIGGER log_all ON ddl_command_end EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER log_tables ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'drop table') EXECUTE PROCEDURE log_ddl();
CREATE EVENT TRIGGER log_drops ON sql_drop EXECUTE FUNCTION log_ddl();
ALTER EVENT TRIGGER log_drops DISABLE;
ALTER EVENT TRIGGER log_all ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER log_tables IS 'tables only';
-- Tags keep the order they are given in, repeats included, as pg_dump
-- shows them.
CREATE EVENT TRIGGER ordered_tags ON ddl_command_end WHEN TAG IN ('create table', 'ALTER TABLE', 'CREATE TABLE') EXECUTE FUNCTION log_ddl();
