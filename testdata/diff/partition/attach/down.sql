DROP INDEX public.m_at_idx;

DROP TABLE public.m_2026;
