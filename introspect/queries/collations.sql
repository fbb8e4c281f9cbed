-- Collations created with CREATE COLLATION. The ICU locale column was
-- renamed in PostgreSQL 17; reading it through jsonb works on both.
SELECT n.nspname::text AS schema,
       c.collname::text AS name,
       c.collprovider::text AS provider,
       coalesce(c.collcollate, '') AS lc_collate,
       coalesce(c.collctype, '') AS lc_ctype,
       coalesce(to_jsonb(c) ->> 'colliculocale', to_jsonb(c) ->> 'colllocale', '') AS locale,
       c.collisdeterministic AS deterministic,
       c.oid::int8 AS oid
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_collation'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
