SET LOCAL check_function_bodies = off;

CREATE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql COST 100
AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;

CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
