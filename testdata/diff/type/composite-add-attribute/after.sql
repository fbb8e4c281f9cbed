CREATE TYPE addr AS (street text, city text);
CREATE TABLE people (id integer PRIMARY KEY, home addr);
