-- Range types (see aggregates.sql). The operator class is given when it
-- is not the subtype's default, the collation when it is not the
-- subtype's.
SELECT 'pg_type' AS catalog, t.oid::int8 AS oid,
       ARRAY['CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS RANGE (' ||
             concat_ws(', ',
                 'SUBTYPE = ' || format_type(r.rngsubtype, NULL),
                 CASE WHEN NOT oc.opcdefault THEN 'SUBTYPE_OPCLASS = ' || oc.opcnamespace::regnamespace::text || '.' || quote_ident(oc.opcname) END,
                 CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
                      THEN 'COLLATION = ' || co.collnamespace::regnamespace::text || '.' || quote_ident(co.collname) END,
                 CASE WHEN r.rngcanonical <> 0 THEN 'CANONICAL = ' || r.rngcanonical::regproc::text END,
                 CASE WHEN r.rngsubdiff <> 0 THEN 'SUBTYPE_DIFF = ' || r.rngsubdiff::regproc::text END,
                 'MULTIRANGE_TYPE_NAME = ' || mt.typnamespace::regnamespace::text || '.' || quote_ident(mt.typname)) || ')'] AS statements
FROM pg_range r
JOIN pg_type t ON t.oid = r.rngtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type st ON st.oid = r.rngsubtype
JOIN pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_type mt ON mt.oid = r.rngmultitypid
LEFT JOIN pg_collation co ON co.oid = r.rngcollation
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
