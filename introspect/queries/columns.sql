-- Columns of tables (and of materialized views, which only index keys
-- refer to), with defaults and generation expressions (the options of
-- identity sequences come with the sequences). Collation and storage are given only when they
-- differ from the type's. Rows come in no particular order; the reader
-- sorts them by attnum (sorting 40,000 rows here spills to disk).
-- A default cannot refer to columns, so it is printed without its table
-- (relation 0): printing with the table opens the table and builds its
-- relation cache entry, which in a new session costs more than the rest of
-- this query together. A generation expression refers to columns and needs
-- the table.
SELECT c.oid::int8 AS table_oid,
       n.nspname::text AS schema,
       c.relname::text AS table_name,
       a.attnum::int8 AS attnum,
       a.attname::text AS name,
       format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       a.attislocal AS is_local,
       coalesce(pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END), '') AS default_expr,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       a.attcollation::int8 AS collation_oid,
       CASE WHEN a.attcollation <> t.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' END AS collation,
       CASE WHEN a.attstorage <> t.typstorage
            THEN CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'x' THEN 'extended' ELSE 'main' END
            ELSE '' END AS storage,
       CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' ELSE '' END AS compression,
       a.attstattarget::int8 AS statistics,
       coalesce(a.attoptions, '{}') AS options
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend dep
                  WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.refclassid = 'pg_extension'::regclass AND dep.deptype = 'e')
