CREATE TABLE t (id int, name text);
CREATE INDEX t_name ON t (name);
