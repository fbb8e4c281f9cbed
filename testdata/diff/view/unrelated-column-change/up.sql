DROP VIEW public.user_names;

ALTER TABLE public.users ALTER COLUMN full_name TYPE character varying(200);

CREATE VIEW public.user_names AS
SELECT id, full_name FROM users;
