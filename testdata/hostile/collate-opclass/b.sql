CREATE TABLE t (name text);
CREATE INDEX t_name ON t (name COLLATE "C" text_pattern_ops DESC);
CREATE INDEX t_lower ON t (lower(name) varchar_pattern_ops);
