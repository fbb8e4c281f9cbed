-- Text search configurations (see aggregates.sql); the mappings follow
-- the CREATE as the ALTER ... ADD MAPPING that makes each.
SELECT 'pg_ts_config' AS catalog, c.oid::int8 AS oid,
       ARRAY['CREATE TEXT SEARCH CONFIGURATION ' || quote_ident(n.nspname) || '.' || quote_ident(c.cfgname) ||
             ' (PARSER = ' || quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) || ')'] ||
       array(SELECT 'ALTER TEXT SEARCH CONFIGURATION ' || quote_ident(n.nspname) || '.' || quote_ident(c.cfgname) ||
                    ' ADD MAPPING FOR ' || quote_ident(tt.alias) || ' WITH ' ||
                    string_agg(quote_ident(dn.nspname) || '.' || quote_ident(dd.dictname), ', ' ORDER BY m.mapseqno)
             FROM pg_ts_config_map m
             JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
             JOIN pg_ts_dict dd ON dd.oid = m.mapdict
             JOIN pg_namespace dn ON dn.oid = dd.dictnamespace
             WHERE m.mapcfg = c.oid
             GROUP BY tt.alias
             ORDER BY tt.alias) AS statements
FROM pg_ts_config c
JOIN pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_ts_parser p ON p.oid = c.cfgparser
JOIN pg_namespace pn ON pn.oid = p.prsnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_ts_config'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')
