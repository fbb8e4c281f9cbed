-- Casts users created (see aggregates.sql): those from
-- FirstNormalObjectId on, outside extensions, other than the ones a range
-- type makes to its multirange type (which depend on it internally).
SELECT 'pg_cast' AS catalog, c.oid::int8 AS oid,
       ARRAY['CREATE CAST (' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ') ' ||
             CASE c.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || c.castfunc::regprocedure::text
                               WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END ||
             CASE c.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END] AS statements
FROM pg_cast c
WHERE c.oid >= 16384
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_cast'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
