ALTER TABLE public.m DETACH PARTITION public.m_2026;

DROP INDEX public.m_at_idx;

DROP TABLE public.m_2026;
