-- Domains, composite types and enums, in public and in another schema.
CREATE SCHEMA kinds;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
CREATE TYPE kinds."Color" AS ENUM ('red', 'green', 'blue');

CREATE DOMAIN positive_int AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN kinds.email AS text COLLATE "C"
    CONSTRAINT email_at CHECK (VALUE ~ '@')
    CONSTRAINT email_len CHECK (length(VALUE) BETWEEN 3 AND 254);
CREATE DOMAIN short_code AS varchar(8) CHECK (VALUE IN ('a', 'b', 'c'));
CREATE DOMAIN later AS int;
ALTER DOMAIN later ADD CONSTRAINT later_small CHECK (VALUE < 100) NOT VALID;
ALTER DOMAIN later SET DEFAULT 7;
ALTER DOMAIN later SET NOT NULL;
CREATE DOMAIN tags AS text[] DEFAULT '{}';

CREATE TYPE pair AS (a integer, b text COLLATE "C");
CREATE TYPE kinds.point3 AS (x double precision, y double precision, z numeric(10, 2));
CREATE TYPE nested AS (p pair, colors kinds."Color"[], m mood);

CREATE TABLE uses_types (
    id positive_int PRIMARY KEY,
    mail kinds.email,
    code short_code DEFAULT 'a',
    m mood DEFAULT 'happy',
    ms mood[] DEFAULT '{sad,happy}',
    c kinds."Color" NOT NULL DEFAULT 'red'::kinds."Color",
    p pair,
    n nested,
    pts kinds.point3[],
    t tags,
    l later
);
-- Comments on the attributes of composite types.
CREATE TYPE cmt_pair AS (a int, b text, c date);
COMMENT ON COLUMN cmt_pair.a IS 'first';
COMMENT ON COLUMN cmt_pair.b IS 'second';
COMMENT ON COLUMN cmt_pair.b IS NULL;
CREATE SCHEMA cmt;
CREATE TYPE cmt."Odd Type" AS ("x y" int);
COMMENT ON COLUMN cmt."Odd Type"."x y" IS 'qualified';
