CREATE TABLE members (uid text, team bigint, active boolean DEFAULT true);
CREATE TABLE docs (id int, team bigint);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_docs ON docs USING (team IN (SELECT team FROM members WHERE uid = current_user AND active));
