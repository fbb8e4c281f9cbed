-- Columns made arrays of their type, or of another, with rows (one NULL):
-- each value becomes the one element of its array.
CREATE TABLE posts (id int PRIMARY KEY, tag text, score int, ref varchar(10));
INSERT INTO posts VALUES (1, 'go', 5, 'a'), (2, NULL, NULL, NULL);
