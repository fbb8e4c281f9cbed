CREATE TABLE t (a bigint[], b varchar(10)[], c numeric(7,2)[] DEFAULT '{}');
