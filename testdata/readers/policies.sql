-- Row-level security.
CREATE TABLE accounts (id int PRIMARY KEY, owner name NOT NULL DEFAULT current_user, balance numeric);
CREATE TABLE teams (id int, member name);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON accounts USING (owner = current_user);
CREATE POLICY insert_own ON accounts FOR INSERT TO postgres WITH CHECK (owner = current_user AND balance >= 0);
CREATE POLICY team_read ON accounts AS RESTRICTIVE FOR SELECT TO PUBLIC, postgres
    USING (EXISTS (SELECT 1 FROM teams t WHERE t.member = current_user AND t.id = accounts.id));
CREATE POLICY upd ON accounts FOR UPDATE USING (balance > 0) WITH CHECK (balance IN (1, 2, 3));
CREATE POLICY del ON accounts FOR DELETE USING (false);
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
