CREATE DOMAIN public.integer AS pg_catalog.int4 DEFAULT 666;
CREATE DOMAIN public.text AS pg_catalog.varchar(5);
CREATE TABLE metrics (id integer PRIMARY KEY, val integer NOT NULL, d integer, t text, u public.text);
