ALTER TABLE public.orders ADD COLUMN legacy_code character varying(20);
