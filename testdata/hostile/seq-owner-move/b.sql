CREATE TABLE t (id int, alt int);
CREATE SEQUENCE s OWNED BY t.alt;
