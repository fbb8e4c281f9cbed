CREATE TABLE ix (v int, w text, n varchar(10));
CREATE INDEX ix_v ON ix ((v::text));
CREATE INDEX ix_w ON ix ((w::varchar(5)));
CREATE INDEX ix_n ON ix ((n::text) text_pattern_ops);
CREATE INDEX ix_same ON ix ((v::bigint));
INSERT INTO ix VALUES (1, 'abc', 'x');
