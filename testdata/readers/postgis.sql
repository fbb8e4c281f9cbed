-- PostGIS (postgresql-15-postgis-3, which .ci/run installs): types with
-- modifiers, its functions and operators in defaults, checks, generated
-- columns and indexes, operator classes; the extension's own objects are
-- not read, what is built on them is.
CREATE EXTENSION postgis;
CREATE TABLE places (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    location geometry(point, 4326) NOT NULL,
    area geometry(MULTIPOLYGONZ, 3857),
    anything geometry,
    route geography(LineString),
    raw geometry(Geometry),
    tracks geometry(PointM, 4326)[],
    buffer geometry GENERATED ALWAYS AS (ST_Buffer(location, 0.01)) STORED,
    CHECK (ST_IsValid(location)),
    CHECK (ST_SRID(area) = 3857)
);
CREATE INDEX places_location ON places USING gist (location);
CREATE INDEX places_area_nd ON places USING gist (area gist_geometry_ops_nd);
CREATE INDEX places_route ON places USING gist (route);
CREATE INDEX places_near ON places USING btree ((ST_X(location)));
CREATE VIEW near_origin AS
    SELECT id, name FROM places WHERE location && ST_MakeEnvelope(-1, -1, 1, 1, 4326);
CREATE DOMAIN point4326 AS geometry(Point, 4326) CHECK (ST_IsValid(VALUE));
CREATE FUNCTION distance_to(p places, q geometry) RETURNS double precision
    LANGUAGE sql STABLE AS $$ SELECT ST_Distance(p.location, q) $$;
CREATE TABLE zones (
    id bigint PRIMARY KEY,
    shape geometry(Polygon, 3857),
    EXCLUDE USING gist (shape WITH &&),
    EXCLUDE USING gist (shape WITH OPERATOR(public.&&)) WHERE (id > 0)
);
