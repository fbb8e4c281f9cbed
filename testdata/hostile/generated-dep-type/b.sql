CREATE TABLE t (a bigint, b bigint GENERATED ALWAYS AS (a + 1) STORED);
