-- Triggers a partition has from its partitioned table (tgparentid) whose
-- firing state differs from that of the trigger each was cloned from:
-- ALTER TABLE partition DISABLE TRIGGER ... on a clone.
SELECT t.tgrelid::int8 AS table_oid,
       t.tgname::text AS name,
       t.tgenabled::text AS enabled
FROM pg_trigger t
JOIN pg_trigger p ON p.oid = t.tgparentid
WHERE t.tgenabled <> p.tgenabled
