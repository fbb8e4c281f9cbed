-- Operator families (see aggregates.sql), with their loose members: those
-- ALTER OPERATOR FAMILY ... ADD added, which depend on the family rather
-- than on one of its classes.
SELECT 'pg_opfamily' AS catalog, f.oid::int8 AS oid,
       ARRAY['CREATE OPERATOR FAMILY ' || quote_ident(n.nspname) || '.' || quote_ident(f.opfname) ||
             ' USING ' || quote_ident(am.amname)] ||
       array(SELECT 'ALTER OPERATOR FAMILY ' || quote_ident(n.nspname) || '.' || quote_ident(f.opfname) ||
                    ' USING ' || quote_ident(am.amname) || ' ADD OPERATOR ' || ao.amopstrategy || ' ' ||
                    CASE WHEN opn.nspname = 'pg_catalog' THEN o.oprname ELSE quote_ident(opn.nspname) || '.' || o.oprname END ||
                    '(' || format_type(ao.amoplefttype, NULL) || ', ' || format_type(ao.amoprighttype, NULL) || ')' ||
                    coalesce(' FOR ORDER BY ' || quote_ident(sfn.nspname) || '.' || quote_ident(sf.opfname), '')
             FROM pg_amop ao
             JOIN pg_depend d ON d.classid = 'pg_amop'::regclass AND d.objid = ao.oid
                             AND d.refclassid = 'pg_opfamily'::regclass AND d.deptype = 'a'
             JOIN pg_operator o ON o.oid = ao.amopopr
             JOIN pg_namespace opn ON opn.oid = o.oprnamespace
             LEFT JOIN pg_opfamily sf ON sf.oid = ao.amopsortfamily
             LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace
             WHERE ao.amopfamily = f.oid
             ORDER BY ao.amopstrategy, ao.amoplefttype, ao.amoprighttype) ||
       array(SELECT 'ALTER OPERATOR FAMILY ' || quote_ident(n.nspname) || '.' || quote_ident(f.opfname) ||
                    ' USING ' || quote_ident(am.amname) || ' ADD FUNCTION ' || ap.amprocnum ||
                    ' (' || format_type(ap.amproclefttype, NULL) || ', ' || format_type(ap.amprocrighttype, NULL) || ') ' ||
                    ap.amproc::regprocedure::text
             FROM pg_amproc ap
             JOIN pg_depend d ON d.classid = 'pg_amproc'::regclass AND d.objid = ap.oid
                             AND d.refclassid = 'pg_opfamily'::regclass AND d.deptype = 'a'
             WHERE ap.amprocfamily = f.oid
             ORDER BY ap.amprocnum, ap.amproclefttype, ap.amprocrighttype) AS statements
FROM pg_opfamily f
JOIN pg_namespace n ON n.oid = f.opfnamespace
JOIN pg_am am ON am.oid = f.opfmethod
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_opfamily'::regclass AND d.objid = f.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
