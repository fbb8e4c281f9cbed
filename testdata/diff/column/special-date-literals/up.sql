ALTER TABLE public.events ALTER COLUMN at SET DEFAULT 'allballs';

ALTER TABLE public.events ALTER COLUMN at_tz SET DEFAULT 'AllBalls';

ALTER TABLE public.events ALTER COLUMN day SET DEFAULT 'epoch';

ALTER TABLE public.events ALTER COLUMN ends SET DEFAULT 'Infinity';

ALTER TABLE public.events ALTER COLUMN last_day SET DEFAULT 'infinity';

ALTER TABLE public.events ALTER COLUMN starts SET DEFAULT 'epoch';

ALTER TABLE public.events ALTER COLUMN starts_tz SET DEFAULT 'EPOCH';

ALTER TABLE public.events ADD CONSTRAINT events_day_check CHECK (day > '-infinity');
