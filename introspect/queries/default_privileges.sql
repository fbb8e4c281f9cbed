-- Entries of ALTER DEFAULT PRIVILEGES, with their ACLs exploded; the
-- creating role's own entries are included for the reader to check.
SELECT pg_get_userbyid(d.defaclrole)::text AS role,
       coalesce(n.nspname::text, '') AS schema,
       d.defaclobjtype::text AS objtype,
       array(SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee)::text END
             FROM aclexplode(d.defaclacl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i) ORDER BY e.i) AS grantees,
       array(SELECT e.privilege_type FROM aclexplode(d.defaclacl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i)
             ORDER BY e.i) AS privileges,
       array(SELECT e.is_grantable FROM aclexplode(d.defaclacl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i)
             ORDER BY e.i) AS grantable,
       array(SELECT pg_get_userbyid(e.grantor)::text
             FROM aclexplode(d.defaclacl) WITH ORDINALITY AS e(grantor, grantee, privilege_type, is_grantable, i) ORDER BY e.i) AS grantors
FROM pg_default_acl d
LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
