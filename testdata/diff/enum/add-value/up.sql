ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad';

ALTER TYPE public.mood ADD VALUE 'ecstatic' AFTER 'happy';
