-- Text search: a configuration with its parser and mappings (as pg_dump
-- writes them), one copied from a built-in one and changed, dictionaries
-- with options, a template, an extension's dictionary.
CREATE EXTENSION unaccent;
CREATE SCHEMA search;
CREATE TEXT SEARCH CONFIGURATION search.simple_unaccent (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION search.simple_unaccent ADD MAPPING FOR asciiword WITH simple;
ALTER TEXT SEARCH CONFIGURATION search.simple_unaccent ADD MAPPING FOR word, numword WITH public.unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION search.simple_unaccent ADD MAPPING FOR "int", uint WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION search.simple_unaccent IS 'accents removed';
CREATE TEXT SEARCH DICTIONARY english_stem_nostop (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH DICTIONARY my_syn (TEMPLATE = simple, StopWords = english, Accept = false);
ALTER TEXT SEARCH DICTIONARY my_syn (Accept = true);
COMMENT ON TEXT SEARCH DICTIONARY my_syn IS 'simple with stop words';
CREATE TEXT SEARCH TEMPLATE my_simple (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH DICTIONARY my_simple_dict (TEMPLATE = my_simple);
CREATE TEXT SEARCH CONFIGURATION my_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION my_english ALTER MAPPING FOR asciiword, word WITH english_stem_nostop;
ALTER TEXT SEARCH CONFIGURATION my_english DROP MAPPING FOR email, url;
ALTER TEXT SEARCH CONFIGURATION my_english ALTER MAPPING REPLACE simple WITH my_syn;
CREATE TABLE docs (body text);
CREATE INDEX docs_body ON docs USING gin (to_tsvector('search.simple_unaccent'::regconfig, body));
-- A configuration given as a plain string to a text search function is a
-- regconfig, which PostgreSQL prints qualified unless it is visible.
CREATE TABLE tsdocs (title text, body text, meta jsonb);
CREATE INDEX tsdocs_body ON tsdocs USING gin (to_tsvector('my_english', body));
CREATE INDEX tsdocs_both ON tsdocs USING gin (to_tsvector('english', coalesce(title, '') || ' ' || body));
CREATE INDEX tsdocs_meta ON tsdocs USING gin (jsonb_to_tsvector('search.simple_unaccent', meta, '["string"]'));
CREATE VIEW tsdocs_hits AS SELECT title FROM tsdocs WHERE to_tsvector('my_english', body) @@ websearch_to_tsquery('my_english', 'cat');
