CREATE TABLE parent (id int, kind text, CONSTRAINT kind_ok CHECK (kind <> ''));
CREATE TABLE child (extra int, more text) INHERITS (parent);
