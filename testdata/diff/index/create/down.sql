DROP INDEX public.t_email_live;

DROP INDEX public.t_id_desc;

DROP INDEX public.t_tags;
