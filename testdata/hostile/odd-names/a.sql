CREATE SCHEMA "Sch.1";
CREATE TABLE "Sch.1"."T a.b" ("Col ""x""" int PRIMARY KEY, "select" text);
CREATE INDEX "idx ""q""" ON "Sch.1"."T a.b" ("select");
COMMENT ON TABLE "Sch.1"."T a.b" IS 'it''s
multi-line';
