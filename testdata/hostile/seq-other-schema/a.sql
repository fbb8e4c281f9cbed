CREATE SCHEMA ids;
CREATE SEQUENCE ids.global START 100;
CREATE TABLE t (id bigint DEFAULT nextval('ids.global'), x int);
