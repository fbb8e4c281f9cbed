CREATE TABLE t (v varchar(10), n numeric, CONSTRAINT c1 CHECK (v::text <> ''), CONSTRAINT c2 CHECK (n::int > 0));
