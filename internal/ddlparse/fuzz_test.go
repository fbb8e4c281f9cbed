package ddlparse_test

import (
	"reflect"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
)

// fuzzSeeds are schema files of the kinds autogen reads, with the odd
// corners of the syntax (quoting, dollar quotes, psql meta-commands,
// partitions, inheritance) and broken input; plain `go test` runs them.
var fuzzSeeds = []string{
	"",
	";;;",
	"CREATE TABLE t (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, n integer CHECK (n > 0) DEFAULT 1);",
	`CREATE SCHEMA app; SET search_path = app; CREATE TABLE "User" ("Id" int GENERATED ALWAYS AS IDENTITY (START 5), "a""b" text COLLATE "C");`,
	"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE p (m mood DEFAULT 'ok', ms mood[]);",
	"CREATE TABLE m (at date NOT NULL, v int) PARTITION BY RANGE (at); CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
	"CREATE TABLE parent (a int); CREATE TABLE child (b int) INHERITS (parent);",
	"CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (a_id int REFERENCES a ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);",
	"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING btree (lower(email) DESC NULLS LAST) INCLUDE (n) WHERE n > 0;",
	"CREATE FUNCTION f(x int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;",
	"CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $body$BEGIN NEW.n := 1; RETURN NEW; END$body$; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();",
	"CREATE VIEW v AS SELECT id, upper(email) FROM t WHERE n IN (1, 2); CREATE MATERIALIZED VIEW mv AS SELECT count(*) FROM t WITH NO DATA;",
	"CREATE DOMAIN posint AS integer NOT NULL CHECK (VALUE > 0); CREATE TYPE pair AS (a int, b text);",
	"CREATE SEQUENCE s START 10 INCREMENT 5 CACHE 3 CYCLE; ALTER SEQUENCE s OWNED BY t.id;",
	"ALTER TABLE t ADD CONSTRAINT c CHECK (n < 10) NOT VALID; ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON t USING (n > 0);",
	"COMMENT ON TABLE t IS 'it''s */ here'; COMMENT ON COLUMN t.n IS E'back\\\\slash';",
	"\\set ON_ERROR_STOP on\nCREATE EXTENSION IF NOT EXISTS citext;\n\\i other.sql\n",
	`CREATE TABLE "a""; DROP TABLE x; --" ("line1
line2" text DEFAULT E'two\nlines', "naïve ☃" text);`,
	"CREATE TABLE t (id int); DROP TABLE t; CREATE TABLE t (id bigint); ALTER TABLE t RENAME TO u;",
	"CREATE TABLE t (",
	"SELECT 'unterminated",
	"CREATE TABLE t (a int) WITH (fillfactor = 70); CREATE UNLOGGED TABLE l (a int);",
	"CREATE TABLE t (r tstzrange, EXCLUDE USING gist (r WITH &&));",
	"-- autogen:renamed-from users\nCREATE TABLE members (id int);",
	"DO $$ BEGIN PERFORM 1; END $$; BEGIN; COMMIT;",
	"CREATE SCHEMA a; BEGIN; SET LOCAL search_path = a; CREATE TABLE t (x int); COMMIT; SELECT pg_catalog.set_config('search_path', 'a', true); CREATE TABLE u (x int);",
	"BEGIN; CREATE TABLE t (x int); ROLLBACK;",
	"\xef\xbb\xbfCREATE TABLE t (x int); /* left open",
	"CREATE TABLE t (x int);\x00CREATE TABLE u (y int);",
	"CREATE VIEW v AS SELECT 1+2*3::int||'a' COLLATE \"C\" IS NULL, 1e131072, 1e-5;",
}

// FuzzParse checks that reading any text gives a model or an error, never
// a panic, and that reading the same text twice gives the same model (the
// reader parses statements in parallel).
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cat, err := ddlparse.Parse("fuzz.sql", []byte(src))
		if err != nil {
			return
		}
		if cat == nil {
			t.Fatal("Parse returned neither a model nor an error")
		}
		cat.Sort()
		again, err := ddlparse.Parse("fuzz.sql", []byte(src))
		if err != nil {
			t.Fatalf("the second read failed: %v", err)
		}
		again.Sort()
		if !reflect.DeepEqual(cat, again) {
			t.Fatal("two reads of the same text differ")
		}
	})
}
