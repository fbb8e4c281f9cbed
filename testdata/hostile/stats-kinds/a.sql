CREATE TABLE s (a int, b int, c text);
CREATE STATISTICS s_ab (dependencies) ON a, b FROM s;
INSERT INTO s SELECT g, g % 10, 'x' FROM generate_series(1, 50) g;
