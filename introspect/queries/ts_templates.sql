-- Text search templates (see aggregates.sql).
SELECT 'pg_ts_template' AS catalog, t.oid::int8 AS oid,
       ARRAY['CREATE TEXT SEARCH TEMPLATE ' || quote_ident(n.nspname) || '.' || quote_ident(t.tmplname) || ' (' ||
             concat_ws(', ', CASE WHEN t.tmplinit <> 0 THEN 'INIT = ' || t.tmplinit::regproc::text END,
                       'LEXIZE = ' || t.tmpllexize::regproc::text) || ')'] AS statements
FROM pg_ts_template t
JOIN pg_namespace n ON n.oid = t.tmplnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_ts_template'::regclass AND d.objid = t.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
