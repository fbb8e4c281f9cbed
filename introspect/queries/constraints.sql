-- Table constraints other than NOT NULL. Constraints a partition gets from
-- its parent (conparentid) are implied and left out; so are the
-- extension's. Key columns come as attribute numbers, which the reader maps
-- to the names it read with the columns. The index behind a primary key,
-- unique or exclusion constraint is read by indexes.sql.
SELECT c.oid::int8 AS table_oid,
       n.nspname::text AS schema,
       c.relname::text AS table_name,
       con.conname::text AS name,
       con.contype::text AS type,
       coalesce(con.conkey::int8[], '{}') AS columns,
       con.confrelid::int8 AS ref_oid,
       coalesce(rn.nspname::text, '') AS ref_schema,
       coalesce(r.relname::text, '') AS ref_table,
       coalesce(con.confkey::int8[], '{}') AS ref_columns,
       con.confupdtype::text AS on_update,
       con.confdeltype::text AS on_delete,
       con.confmatchtype::text AS match,
       coalesce(con.confdelsetcols::int8[], '{}') AS delete_set_columns,
       con.condeferrable AS deferrable,
       con.condeferred AS deferred,
       NOT con.convalidated AS not_valid,
       con.connoinherit AS no_inherit,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) ELSE '' END AS check_expr,
       CASE WHEN con.contype = 'x' THEN array(
           SELECT CASE WHEN opn.nspname = 'pg_catalog' THEN o.oprname::text
                       ELSE quote_ident(opn.nspname) || '.' || o.oprname END
           FROM unnest(con.conexclop) WITH ORDINALITY AS x(oid, i)
           JOIN pg_operator o ON o.oid = x.oid JOIN pg_namespace opn ON opn.oid = o.oprnamespace
           ORDER BY x.i) ELSE '{}' END AS exclusion_ops,
       con.oid::int8 AS oid
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class r ON r.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND con.conparentid = 0
  AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
