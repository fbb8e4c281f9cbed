ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;

CREATE POLICY docs_owner ON public.docs FOR SELECT USING (owner = current_user);
