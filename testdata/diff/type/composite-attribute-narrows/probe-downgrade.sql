DO $$
BEGIN
    IF (SELECT string_agg(coalesce(p::text, 'NULL'), ' ' ORDER BY id) FROM item) <> '(12.5000,short) NULL (,)' THEN
        RAISE EXCEPTION 'rows not kept: %', (SELECT string_agg(coalesce(p::text, 'NULL'), ' ' ORDER BY id) FROM item);
    END IF;
END $$;
