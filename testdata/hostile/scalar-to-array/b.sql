CREATE TABLE posts (id int PRIMARY KEY, tag text[], score bigint[], ref text[]);
