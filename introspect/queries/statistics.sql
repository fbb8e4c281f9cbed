-- Extended statistics objects (see aggregates.sql), as
-- pg_get_statisticsobjdef prints them, and their target when set.
SELECT 'pg_statistic_ext' AS catalog, s.oid::int8 AS oid,
       ARRAY[pg_get_statisticsobjdef(s.oid)] ||
       CASE WHEN s.stxstattarget >= 0
            THEN ARRAY['ALTER STATISTICS ' || quote_ident(n.nspname) || '.' || quote_ident(s.stxname) ||
                       ' SET STATISTICS ' || s.stxstattarget]
            ELSE '{}' END AS statements
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_statistic_ext'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
