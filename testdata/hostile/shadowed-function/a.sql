-- A function of the user's in public shadows one of pg_catalog's that a
-- conversion calls (CVE-2018-1058): an epoch in seconds becomes a
-- timestamp, and public.to_timestamp(bigint), which an unqualified call
-- would pick for its exact argument type, refuses to run.
CREATE FUNCTION public.to_timestamp(bigint) RETURNS timestamp without time zone
    LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'the shadowing to_timestamp ran'; END$$;
CREATE TABLE events (id int PRIMARY KEY, ts bigint NOT NULL);
INSERT INTO events VALUES (1, 1700000000);
