ALTER TABLE public.child INHERIT public.parent;
