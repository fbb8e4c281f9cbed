CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY, email text, balance numeric);
CREATE SEQUENCE app.invoice_no;
CREATE VIEW app.emails AS SELECT id, email FROM app.accounts;
CREATE FUNCTION app.total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(balance) FROM app.accounts $$;
CREATE TYPE app.kind AS ENUM ('a', 'b');
GRANT SELECT, INSERT ON app.accounts TO autogen_writer;
GRANT SELECT ON app.emails TO autogen_writer WITH GRANT OPTION;
