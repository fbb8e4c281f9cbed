DROP POLICY own_docs ON public.docs;

ALTER TABLE public.docs ALTER COLUMN owner TYPE character varying(100);

CREATE POLICY own_docs ON public.docs USING (owner = current_user);
