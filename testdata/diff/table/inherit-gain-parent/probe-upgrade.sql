DO $$ BEGIN
  IF (SELECT d FROM solo WHERE id = 5) IS DISTINCT FROM 2 THEN RAISE 'the existing row did not take the added column''s default'; END IF;
  INSERT INTO solo (id, x) VALUES (7, 8);
  IF (SELECT d FROM solo WHERE id = 7) <> 2 THEN RAISE 'the table''s own default was lost'; END IF;
  IF (SELECT count(*) FROM base) <> 2 THEN RAISE 'the rows are not seen through the parent'; END IF;
  DELETE FROM solo WHERE id = 7;
END $$;
