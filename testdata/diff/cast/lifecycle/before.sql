CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE FUNCTION mood_of(integer) RETURNS mood LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN $1 > 0 THEN 'happy'::mood ELSE 'sad'::mood END $$;
CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer);
CREATE CAST (mood AS text) WITH INOUT;
