CREATE TABLE public.later (id int PRIMARY KEY, note text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE SCHEMA rep
  CREATE VIEW v1 AS SELECT r1.id, later.note FROM r1 JOIN public.later USING (id)
  CREATE INDEX r1_code ON r1 (code)
  CREATE TRIGGER r1_touch BEFORE UPDATE ON r1 FOR EACH ROW EXECUTE FUNCTION public.touch()
  CREATE TABLE r1 (id int PRIMARY KEY REFERENCES public.later, code bigint DEFAULT nextval('r1_code_seq'))
  CREATE SEQUENCE r1_code_seq
  GRANT SELECT ON r1, v1 TO PUBLIC;
CREATE VIEW public.uses_r1 AS SELECT id FROM rep.r1;
