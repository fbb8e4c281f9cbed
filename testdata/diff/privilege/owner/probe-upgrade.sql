DO $$
BEGIN
  IF (SELECT relowner::regrole::text FROM pg_class WHERE oid = 'app.items_id_seq'::regclass) <> 'autogen_owner' THEN
    RAISE EXCEPTION 'the serial sequence did not follow its table';
  END IF;
END $$;
