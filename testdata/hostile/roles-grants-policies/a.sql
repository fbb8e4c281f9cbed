-- Privileges and policies for roles (pg-schema-diff's privilege and policy
-- cases that need cluster roles): a grant option taken away, privileges
-- added to a partition, a table with privileges dropped, a policy's roles
-- and expressions changed, a role whose name needs quoting.
CREATE SCHEMA app;
CREATE TABLE app.t (id int PRIMARY KEY, owner_name text, v int);
GRANT SELECT ON app.t TO autogen_reader WITH GRANT OPTION;
GRANT INSERT, UPDATE ON app.t TO autogen_writer;
CREATE TABLE app.ev (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE app.ev_2024 PARTITION OF app.ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
GRANT SELECT ON app.ev TO autogen_reader;
CREATE TABLE app.doomed (id int);
GRANT ALL ON app.doomed TO autogen_writer;
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_read ON app.t FOR SELECT TO autogen_reader USING (v > 0);
CREATE POLICY p_all ON app.t AS RESTRICTIVE TO autogen_writer, "autogen odd,""role\{}" USING (owner_name = current_user) WITH CHECK (v < 100);
