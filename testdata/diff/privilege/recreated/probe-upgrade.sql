SET ROLE autogen_reader;
SELECT * FROM tv;
SELECT twice(ROW(1, 2)::t);
RESET ROLE;
DO $$
BEGIN
  IF (SELECT viewowner FROM pg_views WHERE viewname = 'tv') <> 'autogen_owner' THEN
    RAISE EXCEPTION 'the recreated view lost its owner';
  END IF;
  IF has_function_privilege('public', 'twice(t)', 'EXECUTE') THEN
    RAISE EXCEPTION 'the recreated function is executable by PUBLIC again';
  END IF;
END $$;
