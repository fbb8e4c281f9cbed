CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = english);
ALTER TEXT SEARCH CONFIGURATION my_cfg ALTER MAPPING FOR asciiword WITH simple;
CREATE TABLE docs (id int, body text, title text);
CREATE INDEX docs_fts ON docs USING gin (to_tsvector('my_cfg', coalesce(title, '') || ' ' || body));
