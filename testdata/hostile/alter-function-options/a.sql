-- Function options set by ALTER FUNCTION (PROCEDURE, ROUTINE) after the
-- CREATE, as hardening scripts do (SET search_path on SECURITY DEFINER
-- functions): the schema is what the statements leave, one RESET
-- included.
CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION public.total(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION public.rows_of() RETURNS SETOF int LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE public.tidy() LANGUAGE sql AS $$ SELECT 1 $$;
