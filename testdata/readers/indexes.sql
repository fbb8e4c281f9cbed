-- Indexes: defaults written out are implied, the rest is kept.
CREATE EXTENSION pg_trgm;
CREATE TABLE docs (
    id int PRIMARY KEY,
    title text,
    code varchar(20),
    body text,
    tags text[],
    created timestamptz,
    n int,
    meta jsonb
);
CREATE INDEX docs_title_asc ON docs (title ASC NULLS LAST);
CREATE INDEX docs_title_desc ON docs (title DESC NULLS FIRST);
CREATE INDEX docs_title_desc_last ON docs (title DESC NULLS LAST);
CREATE INDEX docs_title_first ON docs (title NULLS FIRST);
CREATE INDEX docs_title_ops ON docs USING btree (title text_ops);
CREATE INDEX docs_code_ops ON docs (code varchar_pattern_ops);
CREATE INDEX docs_title_pattern ON docs (title text_pattern_ops);
CREATE INDEX docs_lower ON docs (lower(title));
CREATE INDEX docs_lower_code ON docs (lower(code) text_pattern_ops);
CREATE INDEX docs_partial ON docs (created) WHERE n > 0 AND title IS NOT NULL;
CREATE INDEX docs_partial_in ON docs (n) WHERE code IN ('a', 'b');
CREATE UNIQUE INDEX docs_code_uniq ON docs (code) INCLUDE (title, n);
CREATE UNIQUE INDEX docs_nnd ON docs (n) NULLS NOT DISTINCT;
CREATE INDEX docs_fill ON docs (n) WITH (fillfactor = 70, deduplicate_items = off);
CREATE INDEX docs_gin ON docs USING gin (tags);
CREATE INDEX docs_trgm ON docs USING gin (body gin_trgm_ops);
CREATE INDEX docs_trgm_gist ON docs USING gist (title gist_trgm_ops (siglen = 32));
CREATE INDEX docs_brin ON docs USING brin (created) WITH (pages_per_range = 32);
CREATE INDEX docs_hash ON docs USING hash (code);
CREATE INDEX docs_multi ON docs (n DESC, (title || code), id);
CREATE INDEX ON docs ((n + 1));
CREATE INDEX ON docs (created, n);
CREATE MATERIALIZED VIEW doc_titles AS SELECT id, title FROM docs;
CREATE UNIQUE INDEX ON doc_titles (id);
ALTER INDEX docs_fill SET (fillfactor = 80);
CREATE INDEX docs_meta_key ON docs ((meta->>'k'));
CREATE INDEX docs_meta_path ON docs ((meta #>> '{a,b}')) WHERE meta ? 'a' AND (meta->'a')::text <> 'null';
CREATE INDEX docs_fts ON docs USING gin (to_tsvector('english', coalesce(title, '') || ' ' || body));
CREATE INDEX docs_date ON docs (date_trunc('day', created AT TIME ZONE 'UTC'));
CREATE INDEX docs_cast ON docs ((code::text), (n::bigint));
-- CLUSTER ON marks an index (a plain one or a primary key's); the mark
-- follows the index when a constraint takes it over, goes with it when it
-- is dropped, and SET WITHOUT CLUSTER removes it.
CREATE TABLE clu_a (id int PRIMARY KEY, v int);
CREATE INDEX clu_a_v ON clu_a (v);
ALTER TABLE clu_a CLUSTER ON clu_a_v;
CREATE TABLE clu_b (id int PRIMARY KEY);
ALTER TABLE clu_b CLUSTER ON clu_b_pkey;
CREATE TABLE clu_c (id int NOT NULL);
CREATE UNIQUE INDEX clu_c_tmp ON clu_c (id);
ALTER TABLE clu_c CLUSTER ON clu_c_tmp;
ALTER TABLE clu_c ADD CONSTRAINT clu_c_key UNIQUE USING INDEX clu_c_tmp;
CREATE TABLE clu_d (id int, v int);
CREATE INDEX clu_d_v ON clu_d (v);
ALTER TABLE clu_d CLUSTER ON clu_d_v;
DROP INDEX clu_d_v;
CREATE TABLE clu_e (id int PRIMARY KEY);
ALTER TABLE clu_e CLUSTER ON clu_e_pkey;
ALTER TABLE clu_e SET WITHOUT CLUSTER;
