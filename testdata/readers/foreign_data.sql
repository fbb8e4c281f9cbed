-- Foreign-data wrappers (one from an extension, one without handler),
-- servers, user mappings and foreign tables with options, defaults,
-- checks and column comments; a view over a foreign table.
CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER dummy OPTIONS (debug 'true');
COMMENT ON FOREIGN DATA WRAPPER dummy IS 'does nothing';
CREATE SERVER remote TYPE 'postgresql' VERSION '15' FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host 'db.example.com', dbname 'app', port '5432');
ALTER SERVER remote OPTIONS (SET port '5433', DROP dbname);
CREATE SERVER local_dummy FOREIGN DATA WRAPPER dummy;
COMMENT ON SERVER remote IS 'the other database';
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS (user 'reader');
CREATE SCHEMA remote;
CREATE FOREIGN TABLE remote.accounts (
    id integer OPTIONS (column_name 'account_id') NOT NULL,
    name text COLLATE "C",
    balance numeric(12,2) DEFAULT 0 CHECK (balance >= 0),
    CONSTRAINT name_set CHECK (name <> '')
) SERVER remote OPTIONS (schema_name 'public', table_name 'accounts');
COMMENT ON FOREIGN TABLE remote.accounts IS 'accounts over there';
COMMENT ON COLUMN remote.accounts.balance IS 'in euros';
ALTER FOREIGN TABLE remote.accounts OPTIONS (ADD fetch_size '500');
CREATE VIEW rich AS SELECT id, name FROM remote.accounts WHERE balance > 1000;
