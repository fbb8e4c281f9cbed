CREATE EXTENSION unaccent;
CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, Language = english, StopWords = english);
COMMENT ON TEXT SEARCH DICTIONARY english_nostop IS 'english stems';
CREATE TEXT SEARCH CONFIGURATION plain (PARSER = "default");
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR asciiword WITH english_nostop;
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR word WITH public.unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR url WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION plain IS 'plain text';
CREATE TEXT SEARCH TEMPLATE my_simple (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH DICTIONARY my_simple_dict (TEMPLATE = my_simple);
CREATE TEXT SEARCH PARSER my_parser (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
    LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
CREATE TEXT SEARCH CONFIGURATION mine (PARSER = my_parser);
ALTER TEXT SEARCH CONFIGURATION mine ADD MAPPING FOR asciiword WITH my_simple_dict;
CREATE TABLE docs (body text);
CREATE INDEX docs_plain ON docs USING gin (to_tsvector('plain'::regconfig, body));
