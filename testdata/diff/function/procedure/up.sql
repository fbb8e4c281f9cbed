SET LOCAL check_function_bodies = off;

CREATE PROCEDURE public.note(m text)
 LANGUAGE plpgsql
AS $$ BEGIN INSERT INTO log VALUES (m); END $$;
