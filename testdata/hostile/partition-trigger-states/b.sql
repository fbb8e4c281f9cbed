-- Row triggers on a partitioned table reach its partitions as clones; a
-- clone disabled on one partition, one enabled for replicas below a
-- partitioned partition with ONLY, as pg_dump writes them.
CREATE TABLE log (id int, at date, msg text) PARTITION BY RANGE (at);
CREATE TABLE log_2024 PARTITION OF log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE log_2025 PARTITION OF log FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (id);
CREATE TABLE log_2025_1 PARTITION OF log_2025 FOR VALUES IN (1);
CREATE TABLE log_2025_2 PARTITION OF log_2025 FOR VALUES IN (2);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.msg := coalesce(NEW.msg, '-'); RETURN NEW; END $$;
CREATE TRIGGER log_stamp BEFORE INSERT ON log FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER log_2024_only AFTER UPDATE ON log_2024 FOR EACH ROW EXECUTE FUNCTION stamp();
ALTER TABLE log_2024 DISABLE TRIGGER log_stamp;
ALTER TABLE log_2025 ENABLE REPLICA TRIGGER log_stamp;
ALTER TABLE ONLY log_2025_2 ENABLE ALWAYS TRIGGER log_stamp;
