CREATE TABLE parent (id int, a int, b text);
CREATE TABLE child (cid int GENERATED ALWAYS AS IDENTITY, s serial, id int NOT NULL DEFAULT 5) INHERITS (parent);
CREATE TABLE child2 (id int, b text) INHERITS (parent);
