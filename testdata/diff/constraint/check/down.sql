ALTER TABLE public.t DROP CONSTRAINT positive;

ALTER TABLE public.t ADD CONSTRAINT t_price_check CHECK (price > 0);
