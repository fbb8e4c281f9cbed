-- Quoted, mixed-case, keyword and over-long names, and the default names
-- PostgreSQL derives from them, including collision suffixes.
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Order" (
    "ID" serial PRIMARY KEY,
    "user" text UNIQUE,
    "select" int CHECK ("select" > 0),
    "with space" text,
    "Quote""d" int,
    plain int
);
CREATE INDEX ON "Sales"."Order" ("with space");
CREATE INDEX ON "Sales"."Order" (lower("user"));
CREATE INDEX ON "Sales"."Order" (("select" + plain));
CREATE INDEX ON "Sales"."Order" (plain, plain);

CREATE TABLE dup (a int UNIQUE, b int, UNIQUE (a), CHECK (a > 0), CHECK (a < 10), CHECK (a <> b), CHECK (true));
CREATE INDEX ON dup (a);
CREATE INDEX ON dup (a);
CREATE TABLE dup_a_key1 (x int);
CREATE TABLE dup2 (a int, UNIQUE (a), UNIQUE (a, b), b int);
ALTER TABLE dup2 ADD UNIQUE (a);

CREATE TABLE a_table_name_that_is_quite_long_and_keeps_going_until_the_end_x (
    a_column_name_that_is_also_rather_long_and_keeps_going_and_going serial,
    another_long_column_name_here int REFERENCES dup (a),
    UNIQUE (a_column_name_that_is_also_rather_long_and_keeps_going_and_going, another_long_column_name_here)
);
CREATE TABLE "ünïcödé" ("ключ" int PRIMARY KEY, "värde" text CHECK ("värde" <> ''));
CREATE TABLE "UPPER" ("A" int, "a" int, UNIQUE ("A", "a"));
