-- Schemas other than public and the system schemas; schemas created by an
-- extension belong to it.
SELECT n.nspname::text AS name,
       n.oid::int8 AS oid
FROM pg_namespace n
WHERE n.nspname <> 'public'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
