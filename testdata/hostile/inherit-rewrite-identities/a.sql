CREATE TABLE parent (id int, b text);
CREATE TABLE child (cid int GENERATED ALWAYS AS IDENTITY, s serial, id int NOT NULL DEFAULT 5) INHERITS (parent);
CREATE TABLE child2 () INHERITS (parent);
ALTER TABLE child2 NO INHERIT parent;
ALTER TABLE child2 INHERIT parent;
INSERT INTO child (id, b) VALUES (1, 'x'), (2, 'y');
