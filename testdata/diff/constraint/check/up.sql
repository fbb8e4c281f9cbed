ALTER TABLE public.t DROP CONSTRAINT t_price_check;

ALTER TABLE public.t ADD CONSTRAINT positive CHECK (price >= 0);
