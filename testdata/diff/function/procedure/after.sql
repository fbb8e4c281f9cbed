CREATE TABLE log (msg text);
CREATE PROCEDURE note(m text) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES (m); END $$;
