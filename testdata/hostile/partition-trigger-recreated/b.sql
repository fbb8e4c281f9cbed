-- The trigger is recreated (its events change), which clones it again,
-- but the partition keeps it disabled; the other trigger is disabled on
-- the parent, and the partition that had it disabled now fires it always.
CREATE TABLE log (id int, at date, msg text) PARTITION BY RANGE (at);
CREATE TABLE log_2024 PARTITION OF log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE log_2025 PARTITION OF log FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER log_stamp BEFORE INSERT OR UPDATE ON log FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER log_keep BEFORE UPDATE ON log FOR EACH ROW EXECUTE FUNCTION stamp();
ALTER TABLE log DISABLE TRIGGER log_keep;
ALTER TABLE log_2024 DISABLE TRIGGER log_stamp;
ALTER TABLE log_2025 ENABLE ALWAYS TRIGGER log_keep;
