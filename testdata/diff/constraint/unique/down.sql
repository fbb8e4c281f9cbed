ALTER TABLE public.t DROP CONSTRAINT t_a_b_key;
