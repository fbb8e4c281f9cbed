CREATE TABLE t (id int, owner text, v int);
CREATE INDEX t_owner ON t (owner);
CREATE VIEW tv AS SELECT id, owner FROM t;
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t USING (owner = current_user);
