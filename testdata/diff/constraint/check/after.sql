CREATE TABLE t (price numeric, CONSTRAINT positive CHECK (price >= 0) NOT VALID);
