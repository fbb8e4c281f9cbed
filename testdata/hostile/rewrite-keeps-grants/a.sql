-- A table rewritten for its column order (a column added in the middle)
-- keeps its grants on the table and on a column, its comment and the view
-- over it: the check after the upgrade finds any of them missing.
CREATE TABLE accounts (id int PRIMARY KEY, name text);
COMMENT ON TABLE accounts IS 'who pays';
GRANT SELECT ON accounts TO autogen_reader;
GRANT UPDATE (name) ON accounts TO autogen_writer;
CREATE VIEW account_names AS SELECT id, name FROM accounts;
INSERT INTO accounts VALUES (1, 'a'), (2, 'b');
