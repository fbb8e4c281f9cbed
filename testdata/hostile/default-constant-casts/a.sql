CREATE TABLE t (a text DEFAULT '1', b numeric DEFAULT 1, c int DEFAULT 1, d text DEFAULT 'x'::varchar,
  e int DEFAULT 2::bigint, f varbit DEFAULT B'101', g varchar(10) DEFAULT 'v'::varchar(5), h timestamptz DEFAULT '2020-01-01'::date);
