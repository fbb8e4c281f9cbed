CREATE SCHEMA "Sch.1";
CREATE TABLE "Sch.1"."T a.b" ("Col ""x""" bigint PRIMARY KEY, "select" text, "Ünï" int DEFAULT 7);
CREATE INDEX "idx ""q""" ON "Sch.1"."T a.b" ("select", "Ünï");
COMMENT ON TABLE "Sch.1"."T a.b" IS 'it''s
multi-line, changed';
COMMENT ON COLUMN "Sch.1"."T a.b"."Ünï" IS 'ü';
