CREATE TYPE addr AS (street text, zip int);
ALTER TYPE addr ALTER ATTRIBUTE zip TYPE text;
CREATE TABLE cust (id int PRIMARY KEY, a addr);
ALTER TYPE addr ADD ATTRIBUTE city text COLLATE "C";
ALTER TYPE addr ADD ATTRIBUTE country text, DROP ATTRIBUTE IF EXISTS planet;
ALTER TYPE addr DROP ATTRIBUTE country;
