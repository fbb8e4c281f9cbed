-- serial columns: the integer type, the nextval default and the owned
-- sequence PostgreSQL names (with collision suffixes and truncation).
CREATE TABLE s1 (id serial PRIMARY KEY, b bigserial, s smallserial, s4 serial4, s8 serial8, s2 serial2);
CREATE TABLE s2_id_seq (x int);
CREATE TABLE s2 (id serial);
CREATE SCHEMA other;
CREATE TABLE other."MixedCase" ("Id" serial, "weird name" bigserial);
CREATE TABLE a_very_long_table_name_for_serial_truncation_checks_xxxxxxxxxx (
    a_very_long_column_name_for_serial_truncation_checks_yyyyyyyyyyyy serial
);
CREATE TABLE later_serial (a int);
ALTER TABLE later_serial ADD COLUMN b serial;
-- The form pg_dump writes: a plain column, a sequence and a default.
CREATE TABLE dumped (id integer NOT NULL);
CREATE SEQUENCE dumped_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE dumped_id_seq OWNED BY dumped.id;
ALTER TABLE ONLY dumped ALTER COLUMN id SET DEFAULT nextval('dumped_id_seq'::regclass);
CREATE SEQUENCE standalone INCREMENT BY -2 MAXVALUE 100 CYCLE CACHE 10;
CREATE SEQUENCE small AS smallint START 5 MINVALUE 5;
ALTER SEQUENCE small AS integer;
CREATE SEQUENCE owned;
ALTER SEQUENCE owned OWNED BY s1.b;
ALTER SEQUENCE owned OWNED BY NONE;
