-- Partitioned log table with rows; triggers come later.
CREATE TABLE log (id int, at date, msg text) PARTITION BY RANGE (at);
CREATE TABLE log_2024 PARTITION OF log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.msg := coalesce(NEW.msg, '-'); RETURN NEW; END $$;
INSERT INTO log VALUES (1, '2024-02-02', 'x');
