-- A composite type used by a column with rows gains an attribute and
-- changes another's type. PostgreSQL cannot change an attribute's type
-- while a column uses the type, so the type is swapped; its values
-- cannot go through their text form (which must list every attribute of
-- the new type), so they are converted attribute by attribute.
CREATE TYPE addr AS (street text, zip int);
CREATE TABLE cust (id int PRIMARY KEY, a addr);
