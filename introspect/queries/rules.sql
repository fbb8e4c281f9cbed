-- Rules other than views' (see aggregates.sql), as pg_get_ruledef prints
-- them, and their state when not the default.
SELECT 'pg_rewrite' AS catalog, r.oid::int8 AS oid,
       ARRAY[pg_get_ruledef(r.oid)] ||
       CASE WHEN r.ev_enabled <> 'O'
            THEN ARRAY['ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ' ||
                       CASE r.ev_enabled WHEN 'D' THEN 'DISABLE' WHEN 'A' THEN 'ENABLE ALWAYS' ELSE 'ENABLE REPLICA' END ||
                       ' RULE ' || quote_ident(r.rulename)]
            ELSE '{}' END AS statements
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
