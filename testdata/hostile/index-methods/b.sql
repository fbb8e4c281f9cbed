CREATE TABLE ix (id int, at timestamptz, v text, p point);
CREATE INDEX ix_brin ON ix USING brin (at) WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX ix_hash ON ix USING hash (v) WITH (fillfactor = 60);
CREATE INDEX ix_gist ON ix USING spgist (p);
CREATE INDEX ix_desc ON ix (at DESC NULLS LAST, id) WITH (deduplicate_items = off);
