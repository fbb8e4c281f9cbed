DROP VIEW public.account_names;

DROP FOREIGN TABLE public.accounts;

ALTER FOREIGN DATA WRAPPER dummy OPTIONS (DROP debug);

ALTER FOREIGN DATA WRAPPER dummy OPTIONS (ADD debug 'true');

CREATE SERVER gone FOREIGN DATA WRAPPER dummy;

ALTER SERVER remote OPTIONS (DROP host);

ALTER SERVER remote OPTIONS (DROP port);

ALTER SERVER remote VERSION NULL;

ALTER SERVER remote OPTIONS (ADD dbname 'app');

ALTER SERVER remote OPTIONS (ADD host 'db.example.com');

CREATE FOREIGN TABLE public.accounts (id integer NOT NULL, name text) SERVER remote OPTIONS (table_name 'accounts');

CREATE VIEW public.account_names AS
SELECT name FROM accounts;

ALTER USER MAPPING FOR PUBLIC SERVER remote OPTIONS (DROP password_required);

ALTER USER MAPPING FOR PUBLIC SERVER remote OPTIONS (DROP "user");

ALTER USER MAPPING FOR PUBLIC SERVER remote OPTIONS (ADD "user" 'reader');

COMMENT ON FOREIGN DATA WRAPPER dummy IS NULL;

COMMENT ON SERVER remote IS NULL;

REVOKE USAGE ON FOREIGN SERVER remote FROM autogen_reader;
