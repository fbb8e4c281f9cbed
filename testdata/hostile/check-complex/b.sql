CREATE TABLE t (a int, b text, c date,
  CONSTRAINT c1 CHECK (a BETWEEN 1 AND 10 OR a IS NULL),
  CONSTRAINT c2 CHECK (b ~* '^[a-z]+$' AND length(b) < 20),
  CONSTRAINT c3 CHECK (c > '2020-01-01'::date AND c < CURRENT_DATE + 365),
  CONSTRAINT c4 CHECK (a = ANY (ARRAY[1, 2, 3])),
  CONSTRAINT c5 CHECK (COALESCE(b, '') <> 'bad'));
