CREATE TABLE t (id int PRIMARY KEY, qty int, code varchar(10), amount text);
