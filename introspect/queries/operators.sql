-- Operators (see aggregates.sql). Shell operators, which only a name
-- holds, are listed by unsupported.sql.
SELECT 'pg_operator' AS catalog, o.oid::int8 AS oid,
       ARRAY['CREATE OPERATOR ' || quote_ident(n.nspname) || '.' || o.oprname || ' (' ||
             concat_ws(', ',
                 'FUNCTION = ' || o.oprcode::regproc::text,
                 CASE WHEN o.oprleft <> 0 THEN 'LEFTARG = ' || format_type(o.oprleft, NULL) END,
                 'RIGHTARG = ' || format_type(o.oprright, NULL),
                 (SELECT 'COMMUTATOR = OPERATOR(' || quote_ident(cn.nspname) || '.' || c.oprname || ')'
                  FROM pg_operator c JOIN pg_namespace cn ON cn.oid = c.oprnamespace WHERE c.oid = o.oprcom),
                 (SELECT 'NEGATOR = OPERATOR(' || quote_ident(gn.nspname) || '.' || g.oprname || ')'
                  FROM pg_operator g JOIN pg_namespace gn ON gn.oid = g.oprnamespace WHERE g.oid = o.oprnegate),
                 CASE WHEN o.oprrest <> 0 THEN 'RESTRICT = ' || o.oprrest::regproc::text END,
                 CASE WHEN o.oprjoin <> 0 THEN 'JOIN = ' || o.oprjoin::regproc::text END,
                 CASE WHEN o.oprcanhash THEN 'HASHES' END,
                 CASE WHEN o.oprcanmerge THEN 'MERGES' END) || ')'] AS statements
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE o.oprcode <> 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
