CREATE TABLE keep (id int);
CREATE TABLE events (id int PRIMARY KEY, kind text);
CREATE TYPE item AS (name text, qty int);
CREATE FUNCTION count_events() RETURNS int LANGUAGE plpgsql AS $$
DECLARE r public.events%ROWTYPE; n int := 0;
BEGIN
    FOR r IN SELECT * FROM public.events LOOP n := n + 1; END LOOP;
    RETURN n;
END $$;
CREATE FUNCTION no_items() RETURNS int LANGUAGE plpgsql AS $$
DECLARE batch item[];
BEGIN
    RETURN coalesce(array_length(batch, 1), 0);
END $$;
