CREATE EXTENSION postgis;
CREATE TABLE places (
    id bigint PRIMARY KEY,
    name text,
    location geometry(Point, 4326),
    area geometry(MultiPolygon, 4326) CHECK (ST_IsValid(area)),
    route geography(LineString),
    tracks geometry(PointZ, 4326)[]
);
CREATE INDEX places_location ON places USING gist (location);
CREATE INDEX places_area ON places USING gist (area gist_geometry_ops_nd);
CREATE INDEX places_route ON places USING gist (route);
CREATE VIEW places_near_origin AS
    SELECT id, name FROM places WHERE location && ST_MakeEnvelope(-1, -1, 1, 1, 4326);
CREATE FUNCTION distance_km(a geometry, b geometry) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$ SELECT ST_DistanceSphere(a, b) / 1000 $$;
