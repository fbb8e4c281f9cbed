DROP INDEX public.t_idx;

CREATE INDEX t_idx ON public.t (a);
