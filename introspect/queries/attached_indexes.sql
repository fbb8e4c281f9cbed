-- Indexes of partitions attached to an index of their partitioned table,
-- which indexes.sql and constraints.sql leave out as implied: by
-- partition, each one's name and the name of the index it is attached to.
SELECT x.indrelid::int8 AS table_oid,
       ci.relname::text AS name,
       pi.relname::text AS parent
FROM pg_inherits h
JOIN pg_class ci ON ci.oid = h.inhrelid
JOIN pg_class pi ON pi.oid = h.inhparent
JOIN pg_index x ON x.indexrelid = h.inhrelid
WHERE ci.relkind IN ('i', 'I')
  AND ci.relnamespace NOT IN (SELECT n.oid FROM pg_namespace n
                              WHERE n.nspname IN ('pg_catalog', 'information_schema')
                                 OR n.nspname LIKE 'pg\_toast%' OR n.nspname LIKE 'pg\_temp\_%')
