CREATE TABLE t (v varchar(10), n numeric, CONSTRAINT c1 CHECK (v <> ''), CONSTRAINT c2 CHECK (n > 0));
