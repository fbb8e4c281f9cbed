-- The target of one key changes and another key gets one, in place (the
-- index is not built again); a new index gets its target once built.
CREATE TABLE t (id int PRIMARY KEY, a text, b int);
CREATE INDEX t_expr ON t ((lower(a)), b, (b + 1));
ALTER INDEX t_expr ALTER COLUMN 1 SET STATISTICS 100;
ALTER INDEX t_expr ALTER COLUMN 3 SET STATISTICS 1000;
CREATE INDEX t_new ON t ((upper(a)));
ALTER INDEX t_new ALTER COLUMN 1 SET STATISTICS 20;
