ALTER TABLE public.ev DETACH PARTITION public.ev_2024;

DROP INDEX public.ev_2024_at_idx;
