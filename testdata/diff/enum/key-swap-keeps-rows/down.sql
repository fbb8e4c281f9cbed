ALTER TYPE public.region ADD VALUE 'old' AFTER 'us';
