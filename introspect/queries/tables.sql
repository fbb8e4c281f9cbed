-- Ordinary and partitioned tables. Storage parameters of the TOAST table
-- are listed with a "toast." prefix, as they are written. Parents come from
-- inherits.sql.
SELECT c.oid::int8 AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name,
       c.relkind::text AS kind,
       c.relpersistence = 'u' AS unlogged,
       c.relrowsecurity AS rls_enabled,
       c.relforcerowsecurity AS rls_forced,
       coalesce(c.reloptions, '{}') ||
           CASE WHEN tc.reloptions IS NULL THEN '{}' ELSE array(SELECT 'toast.' || o FROM unnest(tc.reloptions) AS o) END AS options,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END AS partition_key,
       coalesce(pg_get_expr(c.relpartbound, c.oid), '') AS partition_bound,
       c.relispartition AS is_partition,
       c.relreplident::text AS replica_identity,
       CASE WHEN c.relreplident = 'i' THEN
           coalesce((SELECT ic.relname::text FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                     WHERE i.indrelid = c.oid AND i.indisreplident), '') ELSE '' END AS replica_identity_index,
       coalesce(cl.name, '') AS cluster_on
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
LEFT JOIN (SELECT i.indrelid, ic.relname::text AS name FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
           WHERE i.indisclustered) cl ON cl.indrelid = c.oid
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
