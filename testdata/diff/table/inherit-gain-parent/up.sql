ALTER TABLE public.solo ADD COLUMN d integer DEFAULT 2;

ALTER TABLE public.solo ADD CONSTRAINT base_id_check CHECK (id > 0);

ALTER TABLE public.solo INHERIT public.base;
