-- Comments on user objects (oids from FirstNormalObjectId on), keyed by
-- catalog, object and sub-object (a column's attnum); the reader attaches
-- them. One query for all kinds is cheaper than a lookup per object. The
-- public schema's comment comes too, whatever its oid.
SELECT d.classoid::regclass::text AS catalog,
       d.objoid::int8 AS oid,
       d.objsubid::int8 AS sub,
       d.description AS comment
FROM pg_description d
WHERE (d.objoid >= 16384 OR d.classoid = 'pg_namespace'::regclass AND d.objoid = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = 'public'))
