CREATE TABLE orders (id int PRIMARY KEY, legacy_code varchar(20));
