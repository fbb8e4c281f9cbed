CREATE TABLE t (a text DEFAULT '1'::text, b numeric DEFAULT 1.0, c int DEFAULT '1', d text DEFAULT 'x',
  e int DEFAULT 2, f varbit DEFAULT B'1010', g varchar(10) DEFAULT 'v', h timestamptz DEFAULT '2020-01-01');
