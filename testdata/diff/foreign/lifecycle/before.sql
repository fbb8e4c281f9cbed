-- Foreign-data wrappers, servers, user mappings and foreign tables:
-- options changed in place, a foreign table recreated (its columns
-- change) under a view that reads it, comments.
CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER dummy OPTIONS (debug 'true');
CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'db.example.com', dbname 'app');
CREATE SERVER gone FOREIGN DATA WRAPPER dummy;
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS (user 'reader');
CREATE FOREIGN TABLE accounts (id integer NOT NULL, name text) SERVER remote OPTIONS (table_name 'accounts');
CREATE VIEW account_names AS SELECT name FROM accounts;
