CREATE UNIQUE INDEX t_email_live ON public.t ((lower(email))) WHERE deleted_at IS NULL;

CREATE INDEX t_id_desc ON public.t (id DESC NULLS LAST) INCLUDE (email);

CREATE INDEX t_tags ON public.t USING gin (tags);
