-- Foreign servers (see aggregates.sql), with their options.
SELECT 'pg_foreign_server' AS catalog, s.oid::int8 AS oid,
       ARRAY['CREATE SERVER ' || quote_ident(s.srvname) || coalesce(' TYPE ' || quote_literal(s.srvtype), '') ||
             coalesce(' VERSION ' || quote_literal(s.srvversion), '') ||
             ' FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname) ||
             coalesce(' OPTIONS (' || (SELECT string_agg(quote_ident(o.option_name) || ' ' || quote_literal(o.option_value), ', ')
                                      FROM pg_options_to_table(s.srvoptions) o) || ')', '')] AS statements
FROM pg_foreign_server s
JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
