CREATE TYPE addr AS (street text, zip varchar(5));
CREATE TABLE t (id int, home addr, work addr[]);
