CREATE TABLE parent (id int, kind text, CONSTRAINT kind_ok CHECK (kind <> '') NO INHERIT);
CREATE TABLE child (extra int) INHERITS (parent);
