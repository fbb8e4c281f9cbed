CREATE TABLE t (id int, a int, b int, c text);
CREATE INDEX t_a ON t (a DESC NULLS LAST) INCLUDE (b, c) WHERE a > 0;
CREATE INDEX t_c ON t USING hash (c);
CREATE INDEX t_brin ON t USING brin (id) WITH (pages_per_range = 32);
