-- Parents of partitions and inheritance children, in declaration order.
SELECT i.inhrelid::int8 AS child_oid,
       pn.nspname::text AS parent_schema,
       p.relname::text AS parent_name
FROM pg_inherits i
JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE p.relkind IN ('r', 'p')
ORDER BY i.inhrelid, i.inhseqno
