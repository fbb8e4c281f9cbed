CREATE TABLE t (id int, email text, tags text[], deleted_at timestamptz);
