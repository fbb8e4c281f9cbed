-- An expression key's statistics target, as pg_dump writes it.
CREATE TABLE t (id int PRIMARY KEY, a text, b int);
CREATE INDEX t_expr ON t ((lower(a)), b, (b + 1));
ALTER INDEX t_expr ALTER COLUMN 1 SET STATISTICS 500;
