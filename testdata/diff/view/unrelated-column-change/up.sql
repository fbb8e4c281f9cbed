DROP VIEW public.user_names;

ALTER TABLE public.users ALTER COLUMN full_name TYPE character varying(200);

CREATE VIEW public.user_names AS
SELECT users.id AS id, users.full_name AS full_name FROM public.users;
