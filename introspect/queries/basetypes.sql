-- Base types made from I/O functions (see aggregates.sql), not the array
-- types PostgreSQL makes for them (which depend on them internally).
-- Shell types, which only a name holds, are listed by unsupported.sql.
SELECT 'pg_type' AS catalog, t.oid::int8 AS oid,
       ARRAY['CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' (' ||
             concat_ws(', ',
                 'INTERNALLENGTH = ' || CASE WHEN t.typlen = -1 THEN 'VARIABLE' ELSE t.typlen::text END,
                 'INPUT = ' || t.typinput::regproc::text,
                 'OUTPUT = ' || t.typoutput::regproc::text,
                 CASE WHEN t.typreceive <> 0 THEN 'RECEIVE = ' || t.typreceive::regproc::text END,
                 CASE WHEN t.typsend <> 0 THEN 'SEND = ' || t.typsend::regproc::text END,
                 CASE WHEN t.typmodin <> 0 THEN 'TYPMOD_IN = ' || t.typmodin::regproc::text END,
                 CASE WHEN t.typmodout <> 0 THEN 'TYPMOD_OUT = ' || t.typmodout::regproc::text END,
                 CASE WHEN t.typanalyze <> 0 THEN 'ANALYZE = ' || t.typanalyze::regproc::text END,
                 CASE WHEN t.typsubscript <> 0 THEN 'SUBSCRIPT = ' || t.typsubscript::regproc::text END,
                 'CATEGORY = ' || quote_literal(t.typcategory::text),
                 'PREFERRED = ' || t.typispreferred,
                 'DEFAULT = ' || quote_literal(t.typdefault),
                 CASE WHEN t.typelem <> 0 THEN 'ELEMENT = ' || format_type(t.typelem, NULL) END,
                 'DELIMITER = ' || quote_literal(t.typdelim::text),
                 'COLLATABLE = ' || (t.typcollation <> 0),
                 'ALIGNMENT = ' || CASE t.typalign WHEN 'c' THEN 'char' WHEN 's' THEN 'int2' WHEN 'i' THEN 'int4' ELSE 'double' END,
                 'STORAGE = ' || CASE t.typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'x' THEN 'extended' ELSE 'main' END,
                 CASE WHEN t.typbyval THEN 'PASSEDBYVALUE' END) || ')'] AS statements
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'b' AND t.typisdefined
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype IN ('e', 'i'))
