
CREATE TABLE t (id int, secret text, pub text);
GRANT SELECT (id, pub) ON t TO PUBLIC;
