-- Text search: mappings added, changed and dropped in place, a dictionary
-- option changed in place, a configuration recreated (its parser
-- changes), objects added and dropped, comments.
CREATE EXTENSION unaccent;
CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION plain (PARSER = "default");
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR asciiword WITH simple;
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR word WITH simple;
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR email WITH simple;
CREATE TEXT SEARCH CONFIGURATION gone (COPY = simple);
CREATE TABLE docs (body text);
CREATE INDEX docs_plain ON docs USING gin (to_tsvector('plain'::regconfig, body));
