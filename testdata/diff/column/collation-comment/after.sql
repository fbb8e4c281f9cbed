CREATE TABLE t (name text COLLATE "C");
COMMENT ON TABLE t IS 'people';
COMMENT ON COLUMN t.name IS 'display name';
