-- The rows are back in their partitions, converted to the new type, and
-- the identity goes on.
DO $$
BEGIN
    IF (SELECT string_agg(id || ':' || r || ':' || coalesce(tags::text, '-'), ' ' ORDER BY id) FROM ONLY sales_eu) <> '1:eu:{eu,us}'
       OR (SELECT string_agg(id || ':' || r || ':' || coalesce(tags::text, '-'), ' ' ORDER BY id) FROM ONLY sales_rest) <> '2:us:- 3:apac:{apac}' THEN
        RAISE EXCEPTION 'the rows of sales were not routed back';
    END IF;
END $$;
INSERT INTO sales (r) VALUES ('apac');
