-- Functions, window functions and procedures (not aggregates, nor the
-- constructors a range type brings, which depend on it internally), with
-- their arguments as parallel arrays over all arguments, OUT ones included.
-- Types are printed without modifiers, as PostgreSQL stores them.
SELECT n.nspname::text AS schema,
       p.proname::text AS name,
       p.prokind::text AS kind,
       coalesce(p.proargnames, '{}') AS arg_names,
       coalesce(p.proargmodes::text[], '{}') AS arg_modes,
       array(SELECT format_type(t.oid, NULL)
             FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS a(oid, i)
             JOIN pg_type t ON t.oid = a.oid ORDER BY a.i) AS arg_types,
       array(SELECT coalesce(pg_get_function_arg_default(p.oid, i), '')
             FROM generate_series(1, coalesce(array_length(p.proallargtypes, 1), p.pronargs)) AS i ORDER BY i) AS arg_defaults,
       CASE WHEN p.prokind = 'p' THEN '' ELSE pg_get_function_result(p.oid) END AS returns,
       l.lanname::text AS language,
       p.prosrc AS body,
       coalesce(p.probin, '') AS library,
       coalesce(pg_get_function_sqlbody(p.oid), '') AS sql_body,
       p.provolatile::text AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       p.proleakproof AS leakproof,
       p.proparallel::text AS parallel,
       p.procost::float8 AS cost,
       p.prorows::float8 AS rows,
       coalesce(p.proconfig, '{}') AS config,
       CASE WHEN p.prosupport <> 0 THEN p.prosupport::regproc::text ELSE '' END AS support,
       p.oid::int8 AS oid
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p', 'w')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
