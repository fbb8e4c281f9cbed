CREATE TABLE t (a int NOT NULL, b int, c int NOT NULL, PRIMARY KEY (a, c));
