-- The roles of the cluster, to check that those the schema source names
-- exist, and the role this session is (the creator of what revisions
-- create).
SELECT rolname::text AS name, rolname = current_user AS current FROM pg_roles
