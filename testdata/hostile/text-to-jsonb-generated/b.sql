CREATE TABLE t (id int, doc jsonb, title text GENERATED ALWAYS AS (doc ->> 'title') STORED);
