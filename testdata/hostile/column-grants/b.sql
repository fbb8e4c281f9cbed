CREATE TABLE t (id int, secret text, pub text);
GRANT SELECT (id, pub), UPDATE (pub) ON t TO PUBLIC;
GRANT INSERT ON t TO PUBLIC;
