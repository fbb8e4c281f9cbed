CREATE FUNCTION public.to_timestamp(bigint) RETURNS timestamp without time zone
    LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'the shadowing to_timestamp ran'; END$$;
CREATE TABLE events (id int PRIMARY KEY, ts timestamp without time zone NOT NULL);
