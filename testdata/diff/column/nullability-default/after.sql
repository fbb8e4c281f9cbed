CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL DEFAULT 'new', b text);
