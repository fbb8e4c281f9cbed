CREATE TYPE addr AS (street text, zip text);
CREATE TABLE people (id integer PRIMARY KEY, home addr);
