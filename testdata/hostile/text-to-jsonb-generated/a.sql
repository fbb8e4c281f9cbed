CREATE TABLE t (id int, doc text, title text GENERATED ALWAYS AS (substr(doc, 1, 10)) STORED);
