-- Tables that reference one another switch persistence together: a
-- logged table may reference only logged ones, so tables become unlogged
-- referencing first and logged referenced first (a chain of three, and a
-- self-reference).
CREATE UNLOGGED TABLE a (id int PRIMARY KEY);
CREATE UNLOGGED TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
CREATE UNLOGGED TABLE c (id int PRIMARY KEY, b_id int REFERENCES b, parent int REFERENCES c);
CREATE TABLE x (id int PRIMARY KEY);
CREATE TABLE y (id int, x_id int REFERENCES x);
