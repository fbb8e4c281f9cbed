DO $$
BEGIN
    IF (SELECT string_agg(coalesce(p::text, 'NULL'), ' ' ORDER BY id) FROM item) <> '(12.50,short) NULL (,)' THEN
        RAISE EXCEPTION 'rows not kept: %', (SELECT string_agg(coalesce(p::text, 'NULL'), ' ' ORDER BY id) FROM item);
    END IF;
END $$;
