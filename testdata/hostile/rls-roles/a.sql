CREATE TABLE docs (id int, owner text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON docs FOR SELECT USING (owner = current_user);
