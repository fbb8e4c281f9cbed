CREATE TYPE addr AS (street text, zip varchar(10), country text);
CREATE TABLE t (id int, home addr, work addr[]);
