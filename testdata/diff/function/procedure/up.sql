CREATE PROCEDURE public.note(m text)
 LANGUAGE plpgsql
AS $$ BEGIN INSERT INTO log VALUES (m); END $$;
