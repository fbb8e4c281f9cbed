-- Extensions in public and in their own schema; their objects are used
-- unqualified through the search_path.
CREATE EXTENSION citext;
CREATE SCHEMA ext;
CREATE EXTENSION "uuid-ossp" WITH SCHEMA ext;
CREATE EXTENSION pg_trgm VERSION '1.5';
CREATE EXTENSION earthdistance CASCADE;
SET search_path = public, ext;
CREATE TABLE people (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    email citext UNIQUE,
    handle citext,
    loc earth
);
CREATE INDEX people_email_trgm ON people USING gist (email gist_trgm_ops);
CREATE VIEW similar_people AS SELECT p.id FROM people p WHERE similarity(p.email::text, 'x') > 0.5;
