-- Owners and privileges of user objects, keyed like comments by catalog,
-- object and sub-object (a column's attnum); the reader attaches them to
-- the objects of every kind. ACLs come exploded, PostgreSQL's default
-- (acldefault) where the catalog holds NULL, owner's entries included: the
-- reader checks them. The public schema, which may have been recreated
-- with a new oid, comes as catalog 'public'. Objects of extensions are
-- left out.
SELECT x.catalog,
       x.oid::int8 AS oid,
       x.sub::int8 AS sub,
       pg_get_userbyid(x.ownerid)::text AS owner,
       array(SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee)::text END
             FROM aclexplode(x.acl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i) ORDER BY e.i) AS grantees,
       array(SELECT e.privilege_type FROM aclexplode(x.acl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i)
             ORDER BY e.i) AS privileges,
       array(SELECT e.is_grantable FROM aclexplode(x.acl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i)
             ORDER BY e.i) AS grantable,
       array(SELECT pg_get_userbyid(e.grantor)::text
             FROM aclexplode(x.acl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i) ORDER BY e.i) AS grantors
FROM (
    SELECT 'pg_class' AS catalog, 'pg_class'::regclass AS classid, c.oid, 0 AS sub, c.relowner AS ownerid,
           coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)) AS acl
    FROM pg_class c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND c.oid >= 16384
    UNION ALL
    SELECT 'pg_class', 'pg_class'::regclass, a.attrelid, a.attnum, c.relowner, a.attacl
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.oid >= 16384
    UNION ALL
    SELECT 'pg_proc', 'pg_proc'::regclass, p.oid, 0, p.proowner, coalesce(p.proacl, acldefault('f'::"char", p.proowner))
    FROM pg_proc p WHERE p.oid >= 16384
    UNION ALL
    SELECT 'pg_type', 'pg_type'::regclass, t.oid, 0, t.typowner, coalesce(t.typacl, acldefault('T'::"char", t.typowner))
    FROM pg_type t WHERE t.oid >= 16384 AND NOT (t.typtype = 'b' AND t.typcategory = 'A')
    UNION ALL
    SELECT 'pg_namespace', 'pg_namespace'::regclass, n.oid, 0, n.nspowner, coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))
    FROM pg_namespace n WHERE n.oid >= 16384 AND n.nspname <> 'public'
    UNION ALL
    SELECT 'public', 'pg_namespace'::regclass, n.oid, 0, n.nspowner, coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))
    FROM pg_namespace n WHERE n.nspname = 'public'
    UNION ALL
    SELECT 'pg_collation', 'pg_collation'::regclass, co.oid, 0, co.collowner, NULL::aclitem[]
    FROM pg_collation co WHERE co.oid >= 16384
    UNION ALL
    SELECT 'pg_foreign_data_wrapper', 'pg_foreign_data_wrapper'::regclass, w.oid, 0, w.fdwowner,
           coalesce(w.fdwacl, acldefault('F'::"char", w.fdwowner))
    FROM pg_foreign_data_wrapper w WHERE w.oid >= 16384
    UNION ALL
    SELECT 'pg_foreign_server', 'pg_foreign_server'::regclass, s.oid, 0, s.srvowner, coalesce(s.srvacl, acldefault('S'::"char", s.srvowner))
    FROM pg_foreign_server s WHERE s.oid >= 16384
    UNION ALL
    SELECT 'pg_ts_config', 'pg_ts_config'::regclass, oid, 0, cfgowner, NULL FROM pg_ts_config WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_ts_dict', 'pg_ts_dict'::regclass, oid, 0, dictowner, NULL FROM pg_ts_dict WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_operator', 'pg_operator'::regclass, oid, 0, oprowner, NULL FROM pg_operator WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_opclass', 'pg_opclass'::regclass, oid, 0, opcowner, NULL FROM pg_opclass WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_opfamily', 'pg_opfamily'::regclass, oid, 0, opfowner, NULL FROM pg_opfamily WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_statistic_ext', 'pg_statistic_ext'::regclass, oid, 0, stxowner, NULL FROM pg_statistic_ext WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_event_trigger', 'pg_event_trigger'::regclass, oid, 0, evtowner, NULL FROM pg_event_trigger WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_publication', 'pg_publication'::regclass, oid, 0, pubowner, NULL FROM pg_publication WHERE oid >= 16384
    UNION ALL
    SELECT 'pg_conversion', 'pg_conversion'::regclass, oid, 0, conowner, NULL FROM pg_conversion WHERE oid >= 16384
) x
WHERE NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = x.classid AND d.objid = x.oid AND d.objsubid = 0 AND d.deptype = 'e')
