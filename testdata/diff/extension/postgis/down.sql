DROP VIEW public.places_near_origin;

ALTER TABLE public.places DROP CONSTRAINT places_area_check;

DROP INDEX public.places_area;

DROP INDEX public.places_route;

ALTER TABLE public.places DROP COLUMN area;

ALTER TABLE public.places DROP COLUMN route;

ALTER TABLE public.places DROP COLUMN tracks;

DROP FUNCTION public.distance_km(public.geometry, public.geometry);
