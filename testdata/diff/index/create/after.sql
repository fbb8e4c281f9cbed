CREATE TABLE t (id int, email text, tags text[], deleted_at timestamptz);
CREATE UNIQUE INDEX t_email_live ON t (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX t_tags ON t USING gin (tags);
CREATE INDEX t_id_desc ON t (id DESC NULLS LAST) INCLUDE (email);
