DROP VIEW public.account_names;

DROP FOREIGN TABLE public.accounts;

ALTER SERVER remote OPTIONS (DROP dbname);

ALTER SERVER remote OPTIONS (DROP host);

ALTER SERVER remote OPTIONS (ADD host 'db2.example.com');

ALTER SERVER remote OPTIONS (ADD port '5433');

ALTER SERVER remote VERSION '15';

CREATE FOREIGN TABLE public.accounts (id integer NOT NULL, name text, balance numeric DEFAULT 0) SERVER remote OPTIONS (schema_name 'public', table_name 'accounts');

ALTER FOREIGN TABLE public.accounts ALTER COLUMN id OPTIONS (ADD column_name 'account_id');

CREATE VIEW public.account_names AS
SELECT name FROM accounts;

ALTER USER MAPPING FOR PUBLIC SERVER remote OPTIONS (DROP "user");

ALTER USER MAPPING FOR PUBLIC SERVER remote OPTIONS (ADD password_required 'false');

ALTER USER MAPPING FOR PUBLIC SERVER remote OPTIONS (ADD "user" 'writer');

COMMENT ON COLUMN public.accounts.name IS 'the holder';

COMMENT ON FOREIGN TABLE public.accounts IS 'accounts over there';

COMMENT ON SERVER remote IS 'the other database';

ALTER SERVER remote OWNER TO autogen_owner;

GRANT SELECT ON TABLE public.accounts TO autogen_reader;

GRANT USAGE ON FOREIGN SERVER remote TO autogen_reader;

DROP SERVER gone;

ALTER FOREIGN DATA WRAPPER dummy OPTIONS (DROP debug);

ALTER FOREIGN DATA WRAPPER dummy OPTIONS (ADD debug 'false');

COMMENT ON FOREIGN DATA WRAPPER dummy IS 'does nothing';
