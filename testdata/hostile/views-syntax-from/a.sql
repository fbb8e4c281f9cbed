CREATE TABLE o (id int PRIMARY KEY, cust int, at timestamptz, amount numeric(10,2), tags text[], doc jsonb, note text, kind text, "Select" int, "user" text);
CREATE TABLE c (id int PRIMARY KEY, name text, region text);
