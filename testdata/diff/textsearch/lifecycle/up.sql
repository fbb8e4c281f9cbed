CREATE TEXT SEARCH PARSER public.my_parser (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, HEADLINE = prsd_headline, LEXTYPES = prsd_lextype);

CREATE TEXT SEARCH TEMPLATE public.my_simple (INIT = dsimple_init, LEXIZE = dsimple_lexize);

CREATE TEXT SEARCH DICTIONARY public.my_simple_dict (TEMPLATE = public.my_simple);

CREATE TEXT SEARCH CONFIGURATION public.mine (PARSER = public.my_parser);

ALTER TEXT SEARCH CONFIGURATION public.mine ALTER MAPPING FOR asciiword WITH public.my_simple_dict;

ALTER TEXT SEARCH DICTIONARY public.english_nostop (stopwords = 'english');

ALTER TEXT SEARCH CONFIGURATION public.plain DROP MAPPING FOR asciiword;

ALTER TEXT SEARCH CONFIGURATION public.plain DROP MAPPING FOR email;

ALTER TEXT SEARCH CONFIGURATION public.plain DROP MAPPING FOR word;

ALTER TEXT SEARCH CONFIGURATION public.plain ALTER MAPPING FOR asciiword WITH public.english_nostop;

ALTER TEXT SEARCH CONFIGURATION public.plain ALTER MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.plain ALTER MAPPING FOR word WITH public.unaccent, simple;

COMMENT ON TEXT SEARCH CONFIGURATION public.plain IS 'plain text';

COMMENT ON TEXT SEARCH DICTIONARY public.english_nostop IS 'english stems';

DROP TEXT SEARCH CONFIGURATION public.gone;
