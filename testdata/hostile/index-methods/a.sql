CREATE TABLE ix (id int, at timestamptz, v text, p point);
CREATE INDEX ix_brin ON ix USING brin (at);
CREATE INDEX ix_hash ON ix USING hash (v);
CREATE INDEX ix_gist ON ix USING gist (p);
INSERT INTO ix VALUES (1, now(), 'a', point(1,1));
