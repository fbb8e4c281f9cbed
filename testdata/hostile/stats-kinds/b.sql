CREATE TABLE s (a int, b int, c text);
CREATE STATISTICS s_ab (dependencies, ndistinct, mcv) ON a, b, c FROM s;
ALTER STATISTICS s_ab SET STATISTICS 500;
CREATE STATISTICS s_expr ON (a + b), lower(c) FROM s;
