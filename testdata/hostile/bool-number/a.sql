-- Flags stored as numbers become booleans and the other way, with rows:
-- PostgreSQL casts booleans only to and from integer.
CREATE TABLE flags (id int PRIMARY KEY, active smallint, deleted boolean, archived integer, hidden bigint);
INSERT INTO flags VALUES (1, 1, true, 0, 1), (2, 0, false, 1, NULL);
