CREATE TABLE accounts (id int PRIMARY KEY, plan text DEFAULT 'free', name text);
COMMENT ON TABLE accounts IS 'who pays';
GRANT SELECT ON accounts TO autogen_reader;
GRANT UPDATE (name) ON accounts TO autogen_writer;
CREATE VIEW account_names AS SELECT id, name FROM accounts;
