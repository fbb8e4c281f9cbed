-- Statistics targets of expression keys (ALTER INDEX ... ALTER COLUMN n
-- SET STATISTICS, as pg_dump writes them), set, changed and reset, on a
-- plain and a partitioned table.
CREATE TABLE t (id int PRIMARY KEY, a text, b int);
CREATE INDEX t_expr ON t ((lower(a)), b, (b + 1));
ALTER INDEX t_expr ALTER COLUMN 1 SET STATISTICS 500;
CREATE INDEX t_gone ON t ((upper(a)));
ALTER INDEX t_gone ALTER COLUMN 1 SET STATISTICS 50;
CREATE TABLE p (id int, a text) PARTITION BY RANGE (id);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
CREATE INDEX p_expr ON p ((lower(a)));
