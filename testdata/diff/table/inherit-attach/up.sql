ALTER TABLE public.child ADD COLUMN v text DEFAULT 'x';

ALTER TABLE public.child ALTER COLUMN id SET NOT NULL;

ALTER TABLE public.child ADD CONSTRAINT parent_id_positive CHECK (id > 0);

ALTER TABLE public.child INHERIT public.parent;
