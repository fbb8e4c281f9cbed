CREATE TABLE t (id int, active bool);
