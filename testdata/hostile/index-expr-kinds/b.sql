CREATE TABLE t (a int, b text, c jsonb, d timestamptz);
CREATE INDEX i1 ON t ((c ->> 'k'));
CREATE INDEX i2 ON t ((date_trunc('day', d AT TIME ZONE 'UTC')));
CREATE INDEX i3 ON t (a, (b || 'x')) WHERE c ? 'flag';
CREATE INDEX i4 ON t USING gin (c jsonb_path_ops);
CREATE UNIQUE INDEX i5 ON t (lower(b)) WHERE a > 0 AND b IS NOT NULL;
