CREATE TABLE t (id int PRIMARY KEY, qty bigint, code varchar(40), amount numeric(10,2));
