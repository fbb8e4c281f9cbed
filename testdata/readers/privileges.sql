-- Owners and privileges of every kind that has them, with grant options,
-- column privileges, ALL IN SCHEMA, revokes from PUBLIC and default
-- privileges. The roles are the test server's (internal/pgtest).
CREATE SCHEMA app AUTHORIZATION autogen_owner;
CREATE SCHEMA reports;
ALTER SCHEMA reports OWNER TO autogen_owner;
GRANT USAGE ON SCHEMA app TO autogen_reader;
GRANT ALL ON SCHEMA reports TO autogen_writer WITH GRANT OPTION;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE ON SCHEMA public TO autogen_writer;

CREATE TYPE app.mood AS ENUM ('sad', 'happy');
ALTER TYPE app.mood OWNER TO autogen_owner;
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO autogen_reader;
CREATE DOMAIN app.email AS text CHECK (VALUE ~ '@');
GRANT USAGE ON DOMAIN app.email TO autogen_writer WITH GRANT OPTION;
CREATE TYPE app.pair AS (a integer, b integer);
ALTER TYPE app.pair OWNER TO autogen_owner;
CREATE COLLATION app.bytes (locale = 'C');
ALTER COLLATION app.bytes OWNER TO autogen_owner;

CREATE TABLE app.users (
    id serial PRIMARY KEY,
    email app.email,
    mood app.mood,
    secret text
);
ALTER TABLE app.users OWNER TO autogen_owner;
GRANT SELECT (id, email), UPDATE (email) ON app.users TO autogen_reader;
GRANT SELECT, INSERT, UPDATE ON TABLE app.users TO autogen_writer;
GRANT USAGE ON SEQUENCE app.users_id_seq TO autogen_writer;

CREATE TABLE app.events (id bigint, at timestamptz);
CREATE SEQUENCE app.tickets;
CREATE VIEW app.user_emails AS SELECT id, email FROM app.users;
CREATE MATERIALIZED VIEW reports.counts AS SELECT count(*) AS n FROM app.users;
ALTER MATERIALIZED VIEW reports.counts OWNER TO autogen_owner;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO autogen_reader;
GRANT SELECT ON reports.counts TO autogen_reader;
REVOKE ALL ON TABLE app.events FROM autogen_reader;
GRANT ALL ON SEQUENCE app.tickets TO autogen_writer;
REVOKE GRANT OPTION FOR USAGE ON DOMAIN app.email FROM autogen_writer;

CREATE FUNCTION app.double(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE PROCEDURE app.touch() LANGUAGE sql AS $$ SELECT 1 $$;
ALTER FUNCTION app.double(integer) OWNER TO autogen_owner;
REVOKE EXECUTE ON FUNCTION app.double(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.double(integer) TO autogen_reader, autogen_writer;
REVOKE ALL ON PROCEDURE app.touch() FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO autogen_writer;

ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner IN SCHEMA app GRANT SELECT ON TABLES TO autogen_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE autogen_owner GRANT USAGE ON TYPES TO autogen_writer;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON SEQUENCES TO autogen_reader WITH GRANT OPTION;

-- Objects the role applying the file creates after its own default
-- privileges get them.
CREATE SEQUENCE app.after_defaults;
CREATE TABLE app.owned_by_default (id integer);
GRANT INSERT ON app.owned_by_default TO autogen_writer;

-- A role whose name the server quotes and escapes in every list of roles
-- and ACL it prints (internal/pgtest creates it): as owner, grantee with and
-- without grant option, of columns, in default privileges and a policy.
CREATE TABLE app."odd,table" (id integer, "a""b" text);
ALTER TABLE app."odd,table" OWNER TO "autogen odd,""role\{}";
GRANT SELECT, UPDATE ("a""b") ON app."odd,table" TO autogen_reader;
GRANT SELECT ON app.events TO "autogen odd,""role\{}" WITH GRANT OPTION;
GRANT SELECT ("a""b"), INSERT (id) ON app."odd,table" TO autogen_writer;
GRANT USAGE ON SCHEMA reports TO "autogen odd,""role\{}", autogen_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE "autogen odd,""role\{}" IN SCHEMA app GRANT SELECT ON TABLES TO autogen_reader, "autogen odd,""role\{}";
ALTER TABLE app."odd,table" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "odd,policy" ON app."odd,table" FOR SELECT TO "autogen odd,""role\{}", autogen_reader USING (id > 0);
