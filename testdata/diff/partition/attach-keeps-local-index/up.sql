DROP INDEX public.ev_2024_local;

ALTER TABLE public.ev ATTACH PARTITION public.ev_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE INDEX ev_2024_local ON public.ev_2024 (at);
