-- Text search dictionaries (see aggregates.sql), with the options of
-- their template as PostgreSQL keeps them.
SELECT 'pg_ts_dict' AS catalog, x.oid::int8 AS oid,
       ARRAY['CREATE TEXT SEARCH DICTIONARY ' || quote_ident(n.nspname) || '.' || quote_ident(x.dictname) ||
             ' (TEMPLATE = ' || quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname) ||
             coalesce(', ' || x.dictinitoption, '') || ')'] AS statements
FROM pg_ts_dict x
JOIN pg_namespace n ON n.oid = x.dictnamespace
JOIN pg_ts_template t ON t.oid = x.dicttemplate
JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_ts_dict'::regclass AND d.objid = x.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
