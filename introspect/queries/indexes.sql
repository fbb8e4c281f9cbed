-- Indexes of tables and materialized views. Keys come as pg_index stores
-- them (attribute numbers, collation and operator class oids, indoption
-- flags: 1 = DESC, 2 = NULLS FIRST); the reader names them from the columns,
-- collations and operator classes it read. Expression keys are printed, and
-- so is the whole definition of an index that has them: whether an
-- expression's collation is its own is only known to the server, which
-- prints COLLATE exactly when it is not. Indexes attached
-- to a partitioned index are implied and left out; constraint is set for
-- the index behind a constraint. Operator class options and the
-- statistics targets of expression keys are gathered in one pass over
-- pg_attribute (a subquery per index cost a fifth of the query at 14,000
-- indexes).
SELECT n.nspname::text AS schema,
       ic.relname::text AS name,
       i.indrelid::int8 AS table_oid,
       c.relname::text AS table_name,
       am.amname::text AS method,
       i.indisunique AS is_unique,
       i.indnullsnotdistinct AS nulls_not_distinct,
       NOT i.indisvalid AS invalid,
       coalesce(ic.reloptions, '{}') AS options,
       coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS predicate,
       coalesce(con.conname::text, '') AS constraint_name,
       i.indnkeyatts::int8 AS key_count,
       i.indkey::int2[]::int8[] AS keys,
       i.indcollation::oid[]::int8[] AS collations,
       i.indclass::oid[]::int8[] AS opclasses,
       i.indoption::int2[]::int8[] AS key_options,
       CASE WHEN i.indexprs IS NULL THEN '{}' ELSE array(
           SELECT CASE WHEN i.indkey[k] = 0 THEN pg_get_indexdef(i.indexrelid, k + 1, false) ELSE '' END
           FROM generate_series(0, i.indnkeyatts - 1) AS k ORDER BY k) END AS exprs,
       CASE WHEN i.indexprs IS NULL THEN '' ELSE pg_get_indexdef(i.indexrelid) END AS definition,
       coalesce(xo.options, '{}') AS opclass_options,
       coalesce(xo.stats, '{}') AS key_statistics,
       i.indexrelid::int8 AS oid
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN (SELECT xa.attrelid,
                  array_agg(xa.attnum || ':' || array_to_string(xa.attoptions, ',')) FILTER (WHERE xa.attoptions IS NOT NULL) AS options,
                  array_agg(xa.attnum || ':' || xa.attstattarget) FILTER (WHERE xa.attstattarget >= 0) AS stats
           FROM pg_attribute xa WHERE xa.attnum > 0 AND (xa.attoptions IS NOT NULL OR xa.attstattarget >= 0) GROUP BY xa.attrelid) xo ON xo.attrelid = i.indexrelid
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE c.relkind IN ('r', 'p', 'm')
  AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
