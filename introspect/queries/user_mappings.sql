-- User mappings (see aggregates.sql): they have no comments; their
-- options show only to those who may read them (pg_user_mappings).
SELECT '' AS catalog, u.umid::int8 AS oid,
       ARRAY['CREATE USER MAPPING FOR ' || CASE WHEN u.umuser = 0 THEN 'PUBLIC' ELSE quote_ident(u.usename) END ||
             ' SERVER ' || quote_ident(u.srvname) ||
             coalesce(' OPTIONS (' || (SELECT string_agg(quote_ident(o.option_name) || ' ' || quote_literal(o.option_value), ', ')
                                      FROM pg_options_to_table(u.umoptions) o) || ')', '')] AS statements
FROM pg_user_mappings u
JOIN pg_foreign_server s ON s.oid = u.srvid
WHERE NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
