CREATE TABLE t (id int, a int, b int, c text);
CREATE INDEX t_a ON t (a DESC NULLS LAST) INCLUDE (b);
