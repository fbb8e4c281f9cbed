ALTER TABLE public.orders DROP CONSTRAINT orders_user_id_fkey;
