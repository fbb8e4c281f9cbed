CREATE SCHEMA old;
CREATE TABLE old.t (id int);
CREATE VIEW public.v AS SELECT id FROM old.t;
CREATE TABLE public.keep (id int);
