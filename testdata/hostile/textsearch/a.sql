CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = english);
CREATE TABLE docs (id int, body text);
CREATE INDEX docs_fts ON docs USING gin (to_tsvector('my_cfg', body));
