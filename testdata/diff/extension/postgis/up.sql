SET LOCAL check_function_bodies = off;

CREATE FUNCTION public.distance_km(a public.geometry, b public.geometry)
 RETURNS double precision
 LANGUAGE sql IMMUTABLE COST 100
AS $$ SELECT ST_DistanceSphere(a, b) / 1000 $$;

ALTER TABLE public.places ADD COLUMN area public.geometry(MultiPolygon,4326);

ALTER TABLE public.places ADD COLUMN route public.geography(LineString,4326);

ALTER TABLE public.places ADD COLUMN tracks public.geometry(PointZ,4326)[];

ALTER TABLE public.places ADD CONSTRAINT places_area_check CHECK (ST_IsValid(area));

CREATE INDEX places_area ON public.places USING gist (area public.gist_geometry_ops_nd);

CREATE INDEX places_route ON public.places USING gist (route);

CREATE VIEW public.places_near_origin AS
SELECT id, name FROM places WHERE location && ST_MakeEnvelope(-1, -1, 1, 1, 4326);
