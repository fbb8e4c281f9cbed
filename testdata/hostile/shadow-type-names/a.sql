-- Domains named like built-in types (public.integer, public.text) next to
-- the built-in ones: type names in migrations must not resolve to the
-- wrong one. A varchar column becomes the built-in integer; another
-- column uses the domain.
CREATE DOMAIN public.integer AS pg_catalog.int4 DEFAULT 666;
CREATE DOMAIN public.text AS pg_catalog.varchar(5);
CREATE TABLE metrics (id integer PRIMARY KEY, val character varying(32) NOT NULL, d public.integer, t public.text);
INSERT INTO metrics VALUES (1, '42', 1, 'ab'), (2, '99', 2, 'cd');
