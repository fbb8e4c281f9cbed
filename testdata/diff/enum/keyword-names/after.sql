CREATE TYPE merge_action AS ENUM ('insert', 'update');
CREATE TYPE json AS ENUM ('a', 'c');
CREATE TABLE audit (id integer PRIMARY KEY, act merge_action NOT NULL, kind public.json DEFAULT 'a');
