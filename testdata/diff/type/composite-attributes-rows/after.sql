CREATE TYPE addr AS (street text, zip text, city text);
CREATE TABLE cust (id int PRIMARY KEY, a addr);
