-- Foreign tables (see aggregates.sql): columns with their options,
-- collations other than their type's, NOT NULL and defaults; CHECK
-- constraints by name; the server and options; then the comments on
-- columns. Foreign tables that inherit or are partitions are listed by
-- unsupported.sql.
SELECT 'pg_class' AS catalog, c.oid::int8 AS oid,
       ARRAY['CREATE FOREIGN TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' (' ||
             concat_ws(', ',
                 (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) ||
                                    coalesce(' OPTIONS (' || (SELECT string_agg(quote_ident(o.option_name) || ' ' || quote_literal(o.option_value), ', ')
                                                             FROM pg_options_to_table(a.attfdwoptions) o) || ')', '') ||
                                    CASE WHEN a.attcollation <> t.typcollation
                                         THEN ' COLLATE ' || quote_ident(con.nspname) || '.' || quote_ident(co.collname) ELSE '' END ||
                                    CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END ||
                                    CASE WHEN a.attgenerated <> '' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
                                         ELSE coalesce(' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid), '') END,
                                    ', ' ORDER BY a.attnum)
                  FROM pg_attribute a
                  JOIN pg_type t ON t.oid = a.atttypid
                  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                  LEFT JOIN pg_collation co ON co.oid = a.attcollation
                  LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                 (SELECT string_agg('CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), ', ' ORDER BY k.conname)
                  FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c')) ||
             ') SERVER ' || quote_ident(s.srvname) ||
             coalesce(' OPTIONS (' || (SELECT string_agg(quote_ident(o.option_name) || ' ' || quote_literal(o.option_value), ', ')
                                      FROM pg_options_to_table(ft.ftoptions) o) || ')', '')] ||
       array(SELECT 'COMMENT ON COLUMN ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' ||
                    quote_ident(a.attname) || ' IS ' || quote_literal(ds.description)
             FROM pg_attribute a
             JOIN pg_description ds ON ds.classoid = 'pg_class'::regclass AND ds.objoid = c.oid AND ds.objsubid = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS statements
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
JOIN pg_foreign_server s ON s.oid = ft.ftserver
WHERE c.relkind = 'f'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
