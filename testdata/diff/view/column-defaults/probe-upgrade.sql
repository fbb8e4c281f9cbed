INSERT INTO open_orders (status) VALUES (DEFAULT);
DO $$
BEGIN
    IF (SELECT id FROM orders WHERE status = 'open') <> 42 THEN
        RAISE EXCEPTION 'the view default of id was not taken';
    END IF;
END $$;
