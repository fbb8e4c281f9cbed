CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE FUNCTION mood_of(integer) RETURNS mood LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN $1 > 0 THEN 'happy'::mood ELSE 'sad'::mood END $$;
CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer) AS ASSIGNMENT;
COMMENT ON CAST (integer AS mood) IS 'positive is happy';
CREATE TYPE pair AS (a integer, b integer);
CREATE FUNCTION pair_text(pair) RETURNS text LANGUAGE sql AS $$ SELECT $1.a || ',' || $1.b $$;
CREATE CAST (pair AS text) WITH FUNCTION pair_text(pair) AS IMPLICIT;
