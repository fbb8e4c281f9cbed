DO $$ BEGIN
  IF (SELECT (a).street FROM cust WHERE id = 1) IS DISTINCT FROM 'Main' OR (SELECT (a).zip FROM cust WHERE id = 1) IS DISTINCT FROM '12345'
     OR (SELECT (a).city FROM cust WHERE id = 1) IS NOT NULL THEN RAISE 'row 1 was not converted attribute by attribute'; END IF;
  IF (SELECT a::text FROM cust WHERE id = 2) IS NOT NULL THEN RAISE 'a NULL value did not stay NULL'; END IF;
  IF (SELECT a::text FROM cust WHERE id = 3) IS DISTINCT FROM '(,,)' THEN RAISE 'a row of NULL attributes did not stay a row'; END IF;
END $$;
