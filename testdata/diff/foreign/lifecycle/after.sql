CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER dummy OPTIONS (debug 'false');
COMMENT ON FOREIGN DATA WRAPPER dummy IS 'does nothing';
CREATE SERVER remote VERSION '15' FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'db2.example.com', port '5433');
COMMENT ON SERVER remote IS 'the other database';
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS (user 'writer', password_required 'false');
CREATE FOREIGN TABLE accounts (id integer OPTIONS (column_name 'account_id') NOT NULL, name text, balance numeric DEFAULT 0)
    SERVER remote OPTIONS (table_name 'accounts', schema_name 'public');
COMMENT ON FOREIGN TABLE accounts IS 'accounts over there';
COMMENT ON COLUMN accounts.name IS 'the holder';
CREATE VIEW account_names AS SELECT name FROM accounts;
ALTER SERVER remote OWNER TO autogen_owner;
GRANT USAGE ON FOREIGN SERVER remote TO autogen_reader;
GRANT SELECT ON accounts TO autogen_reader;
