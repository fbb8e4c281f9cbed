CREATE SCHEMA ids;
CREATE SEQUENCE ids.global START 100 INCREMENT 5;
CREATE SEQUENCE ids.other AS int;
CREATE TABLE t (id bigint DEFAULT nextval('ids.global'), x int DEFAULT nextval('ids.other'));
