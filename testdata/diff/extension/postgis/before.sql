CREATE EXTENSION postgis;
CREATE TABLE places (id bigint PRIMARY KEY, name text, location geometry(Point, 4326));
CREATE INDEX places_location ON places USING gist (location);
