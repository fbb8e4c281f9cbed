CREATE TABLE public.m_2026 PARTITION OF public.m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

CREATE INDEX m_at_idx ON public.m (at);
