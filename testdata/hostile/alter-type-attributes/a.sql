-- A composite type shaped by ALTER TYPE ... ADD, DROP and ALTER ATTRIBUTE
-- after its CREATE, as a schema gathered from migrations has it: the
-- attributes are what the statements leave (a column uses the type, so an
-- attribute's type changes only before the table exists).
CREATE TYPE addr AS (street text, zip int);
CREATE TABLE cust (id int PRIMARY KEY, a addr);
INSERT INTO cust VALUES (1, ROW('Main', 12345)), (2, NULL);
