-- Indexes of tables and materialized views, key by key as parallel arrays:
-- the column (or "" and the expression), the collation when it differs
-- from the key's own, the operator class unless it is its type's default,
-- operator class options, and the ordering flags of indoption (1 = DESC,
-- 2 = NULLS FIRST). Indexes attached to a partitioned index are implied and
-- left out; constraint is set for the index behind a constraint.
SELECT n.nspname::text AS schema,
       ic.relname::text AS name,
       c.relname::text AS table_name,
       am.amname::text AS method,
       i.indisunique AS is_unique,
       coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       NOT i.indisvalid AS invalid,
       coalesce(ic.reloptions, '{}') AS options,
       coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS predicate,
       coalesce((SELECT con.conname::text FROM pg_constraint con
                 WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x') AND con.conrelid = i.indrelid), '') AS constraint_name,
       array(SELECT coalesce(a.attname::text, '') FROM generate_series(0, i.indnkeyatts - 1) AS k
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] AND i.indkey[k] <> 0
             ORDER BY k) AS key_columns,
       array(SELECT CASE WHEN i.indkey[k] = 0 THEN pg_get_indexdef(i.indexrelid, k + 1, false) ELSE '' END
             FROM generate_series(0, i.indnkeyatts - 1) AS k ORDER BY k) AS key_exprs,
       array(SELECT CASE WHEN i.indcollation[k] <> 0 AND i.indcollation[k] <> coalesce(
                              CASE WHEN i.indkey[k] <> 0 THEN ta.attcollation ELSE xt.typcollation END, 0)
                         THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' END
             FROM generate_series(0, i.indnkeyatts - 1) AS k
             LEFT JOIN pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k]
             LEFT JOIN pg_attribute xa ON xa.attrelid = i.indexrelid AND xa.attnum = k + 1
             LEFT JOIN pg_type xt ON xt.oid = xa.atttypid
             LEFT JOIN pg_collation co ON co.oid = i.indcollation[k]
             LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
             ORDER BY k) AS key_collations,
       array(SELECT CASE WHEN oc.opcdefault THEN ''
                         WHEN ocn.nspname = 'pg_catalog' THEN quote_ident(oc.opcname)
                         ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END
             FROM generate_series(0, i.indnkeyatts - 1) AS k
             JOIN pg_opclass oc ON oc.oid = i.indclass[k]
             JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
             ORDER BY k) AS key_opclasses,
       array(SELECT coalesce(array_to_string(xa.attoptions, ','), '') FROM generate_series(0, i.indnkeyatts - 1) AS k
             LEFT JOIN pg_attribute xa ON xa.attrelid = i.indexrelid AND xa.attnum = k + 1
             ORDER BY k) AS key_opclass_options,
       array(SELECT i.indoption[k]::int FROM generate_series(0, i.indnkeyatts - 1) AS k ORDER BY k) AS key_options,
       array(SELECT a.attname::text FROM generate_series(i.indnkeyatts, i.indnatts - 1) AS k
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] ORDER BY k) AS include,
       coalesce(obj_description(i.indexrelid, 'pg_class'), '') AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p', 'm')
  AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
