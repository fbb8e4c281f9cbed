-- Operator classes (see aggregates.sql) with their members, which depend
-- on the class.
SELECT 'pg_opclass' AS catalog, c.oid::int8 AS oid,
       ARRAY['CREATE OPERATOR CLASS ' || quote_ident(n.nspname) || '.' || quote_ident(c.opcname) ||
             CASE WHEN c.opcdefault THEN ' DEFAULT' ELSE '' END ||
             ' FOR TYPE ' || format_type(c.opcintype, NULL) || ' USING ' || quote_ident(am.amname) ||
             ' FAMILY ' || quote_ident(fn.nspname) || '.' || quote_ident(f.opfname) || ' AS ' ||
             concat_ws(', ',
                 (SELECT string_agg('OPERATOR ' || ao.amopstrategy || ' ' ||
                                    CASE WHEN opn.nspname = 'pg_catalog' THEN o.oprname ELSE quote_ident(opn.nspname) || '.' || o.oprname END ||
                                    '(' || format_type(ao.amoplefttype, NULL) || ', ' || format_type(ao.amoprighttype, NULL) || ')' ||
                                    coalesce(' FOR ORDER BY ' || quote_ident(sfn.nspname) || '.' || quote_ident(sf.opfname), ''),
                                    ', ' ORDER BY ao.amopstrategy)
                  FROM pg_amop ao
                  JOIN pg_depend d ON d.classid = 'pg_amop'::regclass AND d.objid = ao.oid
                                  AND d.refclassid = 'pg_opclass'::regclass AND d.refobjid = c.oid
                  JOIN pg_operator o ON o.oid = ao.amopopr
                  JOIN pg_namespace opn ON opn.oid = o.oprnamespace
                  LEFT JOIN pg_opfamily sf ON sf.oid = ao.amopsortfamily
                  LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace),
                 (SELECT string_agg('FUNCTION ' || ap.amprocnum || ' (' || format_type(ap.amproclefttype, NULL) || ', ' ||
                                    format_type(ap.amprocrighttype, NULL) || ') ' || ap.amproc::regprocedure::text,
                                    ', ' ORDER BY ap.amprocnum)
                  FROM pg_amproc ap
                  JOIN pg_depend d ON d.classid = 'pg_amproc'::regclass AND d.objid = ap.oid
                                  AND d.refclassid = 'pg_opclass'::regclass AND d.refobjid = c.oid),
                 CASE WHEN c.opckeytype <> 0 THEN 'STORAGE ' || format_type(c.opckeytype, NULL) END)] AS statements
FROM pg_opclass c
JOIN pg_namespace n ON n.oid = c.opcnamespace
JOIN pg_am am ON am.oid = c.opcmethod
JOIN pg_opfamily f ON f.oid = c.opcfamily
JOIN pg_namespace fn ON fn.oid = f.opfnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_opclass'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
