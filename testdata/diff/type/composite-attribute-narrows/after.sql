CREATE TYPE price AS (amount numeric(10,2), label varchar(8));
CREATE TABLE item (id int PRIMARY KEY, p price);
