-- Owners and privileges of user objects, keyed like comments by catalog,
-- object and sub-object (a column's attnum); the reader attaches them to
-- the objects of every kind. ACLs come exploded, PostgreSQL's default
-- (acldefault) where the catalog holds NULL, owner's entries included: the
-- reader checks them. The public schema, which may have been recreated
-- with a new oid, comes as catalog 'public'; the entries of ALTER DEFAULT
-- PRIVILEGES as catalog 'pg_default_acl', with the creating role as owner,
-- their schema and the kind of object. Objects of extensions are left out.
-- Each distinct ACL is exploded once: most objects hold their kind's
-- default, and exploding it for each of them cost more than the rest of
-- the query.
WITH x AS (
    SELECT 'pg_class' AS catalog, 'pg_class'::regclass AS classid, c.oid, 0 AS sub, c.relowner AS ownerid,
           coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)) AS acl,
           '' AS schema, '' AS objtype
    FROM pg_class c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND c.oid >= 16384
    UNION ALL
    SELECT 'pg_class', 'pg_class'::regclass, a.attrelid, a.attnum, c.relowner, a.attacl, '', ''
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.oid >= 16384
    UNION ALL
    SELECT 'pg_proc', 'pg_proc'::regclass, p.oid, 0, p.proowner, coalesce(p.proacl, acldefault('f'::"char", p.proowner)), '', ''
    FROM pg_proc p WHERE p.oid >= 16384
    UNION ALL
    SELECT 'pg_type', 'pg_type'::regclass, t.oid, 0, t.typowner, coalesce(t.typacl, acldefault('T'::"char", t.typowner)), '', ''
    FROM pg_type t WHERE t.oid >= 16384 AND NOT (t.typtype = 'b' AND t.typcategory = 'A')
    UNION ALL
    SELECT CASE WHEN n.nspname = 'public' THEN 'public' ELSE 'pg_namespace' END, 'pg_namespace'::regclass, n.oid, 0, n.nspowner,
           coalesce(n.nspacl, acldefault('n'::"char", n.nspowner)), '', ''
    FROM pg_namespace n WHERE n.oid >= 16384 OR n.nspname = 'public'
    UNION ALL
    SELECT 'pg_default_acl', 'pg_default_acl'::regclass, d.oid, 0, d.defaclrole, d.defaclacl,
           coalesce(n.nspname::text, ''), d.defaclobjtype::text
    FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
    UNION ALL
    SELECT 'pg_foreign_data_wrapper', 'pg_foreign_data_wrapper'::regclass, w.oid, 0, w.fdwowner,
           coalesce(w.fdwacl, acldefault('F'::"char", w.fdwowner)), '', ''
    FROM pg_foreign_data_wrapper w WHERE w.oid >= 16384
    UNION ALL
    SELECT 'pg_foreign_server', 'pg_foreign_server'::regclass, s.oid, 0, s.srvowner,
           coalesce(s.srvacl, acldefault('S'::"char", s.srvowner)), '', ''
    FROM pg_foreign_server s WHERE s.oid >= 16384
    UNION ALL
    -- Kinds with an owner and no privileges.
    SELECT o.catalog, o.catalog::regclass, o.oid, 0, o.ownerid, NULL::aclitem[], '', ''
    FROM (SELECT 'pg_collation' AS catalog, oid, collowner AS ownerid FROM pg_collation
          UNION ALL SELECT 'pg_ts_config', oid, cfgowner FROM pg_ts_config
          UNION ALL SELECT 'pg_ts_dict', oid, dictowner FROM pg_ts_dict
          UNION ALL SELECT 'pg_operator', oid, oprowner FROM pg_operator
          UNION ALL SELECT 'pg_opclass', oid, opcowner FROM pg_opclass
          UNION ALL SELECT 'pg_opfamily', oid, opfowner FROM pg_opfamily
          UNION ALL SELECT 'pg_statistic_ext', oid, stxowner FROM pg_statistic_ext
          UNION ALL SELECT 'pg_event_trigger', oid, evtowner FROM pg_event_trigger
          UNION ALL SELECT 'pg_publication', oid, pubowner FROM pg_publication
          UNION ALL SELECT 'pg_conversion', oid, conowner FROM pg_conversion) o
    WHERE o.oid >= 16384
),
a AS (
    SELECT u.acl, e.*
    FROM (SELECT DISTINCT acl FROM x WHERE acl IS NOT NULL) u,
    LATERAL (
    SELECT array_agg(CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee)::text END ORDER BY e.i) AS grantees,
           array_agg(e.privilege_type ORDER BY e.i) AS privileges,
           array_agg(e.is_grantable ORDER BY e.i) AS grantable,
           array_agg(pg_get_userbyid(e.grantor)::text ORDER BY e.i) AS grantors
    FROM aclexplode(u.acl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i)
) e
)
SELECT x.catalog,
       x.oid::int8 AS oid,
       x.sub::int8 AS sub,
       pg_get_userbyid(x.ownerid)::text AS owner,
       x.schema, x.objtype,
       a.grantees, a.privileges, a.grantable, a.grantors
FROM x
LEFT JOIN a ON a.acl = x.acl
WHERE NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = x.classid AND d.objid = x.oid AND d.objsubid = 0 AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
