DROP EVENT TRIGGER log_gone;

DROP EVENT TRIGGER log_tables;

ALTER EVENT TRIGGER log_all DISABLE;

CREATE EVENT TRIGGER log_order ON ddl_command_end WHEN TAG IN ('DROP TABLE', 'CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION public.log_ddl();

CREATE EVENT TRIGGER log_rewrites ON table_rewrite EXECUTE FUNCTION public.log_ddl();

ALTER EVENT TRIGGER log_rewrites ENABLE ALWAYS;

CREATE EVENT TRIGGER log_tables ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION public.log_ddl();

COMMENT ON EVENT TRIGGER log_all IS 'every command';
