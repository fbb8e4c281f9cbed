-- CREATE SCHEMA with schema elements: the objects it lists are created in
-- the new schema, in PostgreSQL's order (sequences, tables, views,
-- indexes, triggers, grants), with the new schema first on the
-- search_path; a statement elsewhere refers to them.
CREATE TABLE public.later (id int PRIMARY KEY, note text);
