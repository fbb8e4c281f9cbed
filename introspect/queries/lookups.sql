-- Names of the operator classes and collations that index keys refer to by
-- oid: an operator class is empty when it is its type's default (which the
-- model leaves out), bare in pg_catalog, else schema-qualified.
SELECT 'opclass' AS kind, oc.oid::int8 AS oid,
       CASE WHEN oc.opcdefault THEN ''
            WHEN ocn.nspname = 'pg_catalog' THEN quote_ident(oc.opcname)
            ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END AS name
FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
UNION ALL
SELECT 'collation', co.oid::int8, quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
