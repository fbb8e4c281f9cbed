ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad';

ALTER TABLE public.p ALTER COLUMN m SET DEFAULT 'ok';
