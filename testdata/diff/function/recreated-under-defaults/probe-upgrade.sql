INSERT INTO plain (v) VALUES ('x');
INSERT INTO open_orders (status) VALUES ('open');
DO $$
BEGIN
    IF (SELECT id FROM plain) <> 43 OR (SELECT id FROM orders) <> 43 THEN
        RAISE EXCEPTION 'the defaults do not call the new function';
    END IF;
END $$;
