CREATE TABLE t (price numeric CHECK (price > 0));
