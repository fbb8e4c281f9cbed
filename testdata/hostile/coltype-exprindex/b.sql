CREATE TABLE t (id bigint, code text);
CREATE INDEX t_code_lower ON t (lower(code));
CREATE INDEX t_code ON t (code) WHERE code IS NOT NULL;
