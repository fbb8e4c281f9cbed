ALTER TABLE public.orders DROP COLUMN legacy_code;
