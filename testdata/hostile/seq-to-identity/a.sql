CREATE SEQUENCE t_id_seq;
CREATE TABLE t (id int NOT NULL DEFAULT nextval('t_id_seq'), x int);
ALTER SEQUENCE t_id_seq OWNED BY t.id;
