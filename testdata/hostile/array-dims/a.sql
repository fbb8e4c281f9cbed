CREATE TABLE t (a int[], b text[][], c numeric(5,2)[]);
