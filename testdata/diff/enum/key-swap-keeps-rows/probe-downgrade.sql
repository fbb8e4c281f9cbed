DO $$
BEGIN
    IF (SELECT count(*) FROM sales) <> 4 OR (SELECT max(id) FROM sales) <> 4 THEN
        RAISE EXCEPTION 'the rows of sales were not kept';
    END IF;
END $$;
INSERT INTO sales (r) VALUES ('old');
