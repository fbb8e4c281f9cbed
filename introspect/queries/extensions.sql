-- Installed extensions, with the version and comment the server would give
-- them by default, so that defaults can be left implied, and the
-- extensions they require. plpgsql is in every database.
SELECT e.extname::text AS name,
       n.nspname::text AS schema,
       e.extversion AS version,
       coalesce(a.default_version, '') AS default_version,
       e.oid::int8 AS oid,
       coalesce(a.comment, '') AS default_comment,
       array(SELECT r.extname::text FROM pg_depend d JOIN pg_extension r ON r.oid = d.refobjid
             WHERE d.classid = 'pg_extension'::regclass AND d.objid = e.oid
               AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'n'
             ORDER BY 1) AS requires
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_available_extensions a ON a.name = e.extname
WHERE e.extname <> 'plpgsql'
