-- Foreign-data wrappers (see aggregates.sql), with their options.
SELECT 'pg_foreign_data_wrapper' AS catalog, w.oid::int8 AS oid,
       ARRAY['CREATE FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname) ||
             CASE WHEN w.fdwhandler <> 0 THEN ' HANDLER ' || w.fdwhandler::regproc::text ELSE '' END ||
             CASE WHEN w.fdwvalidator <> 0 THEN ' VALIDATOR ' || w.fdwvalidator::regproc::text ELSE '' END ||
             coalesce(' OPTIONS (' || (SELECT string_agg(quote_ident(o.option_name) || ' ' || quote_literal(o.option_value), ', ')
                                      FROM pg_options_to_table(w.fdwoptions) o) || ')', '')] AS statements
FROM pg_foreign_data_wrapper w
WHERE NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_foreign_data_wrapper'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
