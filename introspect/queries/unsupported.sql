-- Objects the model cannot represent, so that reading a database that has
-- them fails instead of silently leaving them out: shell types and shell
-- operators (a name waiting for a definition), typed tables, foreign
-- tables that inherit or are partitions, conversions, transforms, access
-- methods, procedural languages and subscriptions, outside extensions.
SELECT kind, name FROM (
    SELECT 'shell type' AS kind, quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'p' AND NOT t.typisdefined
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT 'shell operator', quote_ident(n.nspname) || '.' || o.oprname
    FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
    WHERE o.oprcode = 0
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT CASE WHEN c.relkind = 'f' THEN 'foreign table that inherits or is a partition' ELSE 'typed table' END,
           quote_ident(n.nspname) || '.' || quote_ident(c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE (c.relkind = 'f' AND (c.relispartition OR EXISTS (SELECT FROM pg_inherits i WHERE i.inhrelid = c.oid))
           OR c.relkind IN ('r', 'p') AND c.reloftype <> 0)
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT 'conversion', quote_ident(n.nspname) || '.' || quote_ident(v.conname)
    FROM pg_conversion v JOIN pg_namespace n ON n.oid = v.connamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_conversion'::regclass AND d.objid = v.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT 'transform', format_type(t.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname)
    FROM pg_transform t JOIN pg_language l ON l.oid = t.trflang
    WHERE NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_transform'::regclass AND d.objid = t.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT 'access method', quote_ident(a.amname)
    FROM pg_am a
    WHERE a.oid >= 16384
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_am'::regclass AND d.objid = a.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT 'language', quote_ident(l.lanname)
    FROM pg_language l
    WHERE l.oid >= 16384
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_language'::regclass AND d.objid = l.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
    UNION ALL
    SELECT 'subscription', quote_ident(s.subname)
    FROM pg_subscription s
    WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
) u
ORDER BY 1, 2
