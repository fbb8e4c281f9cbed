-- A table rewritten for its column order (rows kept) in the same
-- revision as an enum of one of its columns loses a value.
CREATE TYPE region AS ENUM ('north', 'south', 'east');
CREATE TABLE shop (id int PRIMARY KEY, r region DEFAULT 'north', rs region[], note text);
INSERT INTO shop VALUES (1, 'south', '{north,south}', 'a'), (2, DEFAULT, NULL, 'b'), (3, NULL, '{}', NULL);
