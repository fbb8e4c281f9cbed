-- Publications (see aggregates.sql): their options, then each table (with
-- its columns and row filter) and schema as the ALTER PUBLICATION that
-- adds it.
SELECT 'pg_publication' AS catalog, p.oid::int8 AS oid,
       ARRAY['CREATE PUBLICATION ' || quote_ident(p.pubname) ||
             CASE WHEN p.puballtables THEN ' FOR ALL TABLES' ELSE '' END ||
             ' WITH (publish = ' || quote_literal(concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,
                                                          CASE WHEN p.pubupdate THEN 'update' END,
                                                          CASE WHEN p.pubdelete THEN 'delete' END,
                                                          CASE WHEN p.pubtruncate THEN 'truncate' END)) ||
             ', publish_via_partition_root = ' || p.pubviaroot || ')'] ||
       array(SELECT 'ALTER PUBLICATION ' || quote_ident(p.pubname) || ' ADD TABLE ' ||
                    quote_ident(rn.nspname) || '.' || quote_ident(rc.relname) ||
                    coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                      FROM pg_attribute a WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs::int2[])) || ')', '') ||
                    coalesce(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', '')
             FROM pg_publication_rel pr
             JOIN pg_class rc ON rc.oid = pr.prrelid
             JOIN pg_namespace rn ON rn.oid = rc.relnamespace
             WHERE pr.prpubid = p.oid
             ORDER BY rn.nspname, rc.relname) ||
       array(SELECT 'ALTER PUBLICATION ' || quote_ident(p.pubname) || ' ADD TABLES IN SCHEMA ' || quote_ident(sn.nspname)
             FROM pg_publication_namespace pn
             JOIN pg_namespace sn ON sn.oid = pn.pnnspid
             WHERE pn.pnpubid = p.oid
             ORDER BY sn.nspname) AS statements
FROM pg_publication p
