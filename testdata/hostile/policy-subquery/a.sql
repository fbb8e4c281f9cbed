CREATE TABLE members (uid text, team int);
CREATE TABLE docs (id int, team int);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_docs ON docs USING (team IN (SELECT team FROM members WHERE uid = current_user));
