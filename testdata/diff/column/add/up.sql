ALTER TABLE public.orders ADD COLUMN status character varying(20) DEFAULT 'pending' NOT NULL;

ALTER TABLE public.orders ADD COLUMN note text;
