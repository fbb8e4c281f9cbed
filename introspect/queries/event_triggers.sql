-- Event triggers (see aggregates.sql), and their state when not the
-- default.
SELECT 'pg_event_trigger' AS catalog, e.oid::int8 AS oid,
       ARRAY['CREATE EVENT TRIGGER ' || quote_ident(e.evtname) || ' ON ' || quote_ident(e.evtevent) ||
             coalesce(' WHEN TAG IN (' || (SELECT string_agg(quote_literal(t), ', ') FROM unnest(e.evttags) t) || ')', '') ||
             ' EXECUTE FUNCTION ' || e.evtfoid::regproc::text || '()'] ||
       CASE WHEN e.evtenabled <> 'O'
            THEN ARRAY['ALTER EVENT TRIGGER ' || quote_ident(e.evtname) || ' ' ||
                       CASE e.evtenabled WHEN 'D' THEN 'DISABLE' WHEN 'A' THEN 'ENABLE ALWAYS' ELSE 'ENABLE REPLICA' END]
            ELSE '{}' END AS statements
FROM pg_event_trigger e
WHERE NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_event_trigger'::regclass AND d.objid = e.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
