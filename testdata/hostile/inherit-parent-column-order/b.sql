CREATE TABLE parent (id serial PRIMARY KEY, a int DEFAULT 7, b text DEFAULT 'b', CONSTRAINT b_nonempty CHECK (b <> ''));
CREATE TABLE other (o int);
CREATE TABLE child (extra int) INHERITS (parent);
CREATE TABLE grandchild (g int) INHERITS (child, other);
CREATE TABLE unrelated_child (u int) INHERITS (other);
CREATE TABLE ref (pid int REFERENCES parent (id));
CREATE VIEW v AS SELECT id, b FROM parent;
CREATE INDEX child_b ON child (b);
COMMENT ON COLUMN child.extra IS 'extra';
