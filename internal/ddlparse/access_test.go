package ddlparse_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/model"
)

// TestRolesAreRecordedWhereNamed checks that the roles a schema names are
// listed with where they first appear, so that a role the database lacks
// is reported at its line, and that grantees are told from owners.
func TestRolesAreRecordedWhereNamed(t *testing.T) {
	src := "CREATE TABLE t (a int);\nALTER TABLE t OWNER TO boss;\nGRANT SELECT ON t TO reader, PUBLIC;\nGRANT UPDATE ON t TO boss2, reader;\n"
	cat, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.RoleUse{
		{Name: "boss", At: "schema.sql:2:24"},
		{Name: "reader", At: "schema.sql:3:22", Grantee: true},
		{Name: "PUBLIC", At: "schema.sql:3:30", Grantee: true},
		{Name: "boss2", At: "schema.sql:4:22", Grantee: true},
	}
	if len(cat.Roles) != len(want) {
		t.Fatalf("got %+v, want %+v", cat.Roles, want)
	}
	for i := range want {
		if cat.Roles[i] != want[i] {
			t.Errorf("role %d: got %+v, want %+v", i, cat.Roles[i], want[i])
		}
	}
	tb := cat.Tables[0]
	if tb.Owner != "boss" || len(tb.Grants) != 4 {
		t.Errorf("table access: %+v", tb.Access)
	}
}

// TestAccessErrors checks what the SQL reader refuses about privileges and
// owners, each at its statement.
func TestAccessErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		kind      error
		want      string
	}{
		{"grant to the applying role", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO CURRENT_USER;", ddlparse.ErrUnsupported, "CURRENT_USER"},
		{"revoke from the owner", "CREATE TABLE t (a int);\nALTER TABLE t OWNER TO boss;\nREVOKE SELECT ON t FROM boss;", ddlparse.ErrUnsupported, "owner"},
		{"column privileges on a view", "CREATE VIEW v AS SELECT 1 AS a;\nGRANT SELECT (a) ON v TO r;", ddlparse.ErrUnsupported, "column privileges"},
		{"privilege of another kind", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nGRANT SELECT ON FUNCTION f() TO r;", ddlparse.ErrInvalid, "invalid privilege type SELECT for function"},
		{"missing object", "GRANT SELECT ON t TO r;", ddlparse.ErrUndefined, "does not exist"},
		{"database", "GRANT CONNECT ON DATABASE x TO r;", ddlparse.ErrUnsupported, "the database itself is not part of the schema"},
		{"large object", "GRANT SELECT ON LARGE OBJECT 1 TO r;", ddlparse.ErrUnsupported, "large objects are data"},
		{"role membership", "GRANT r TO s;", ddlparse.ErrUnsupported, "role membership"},
		{"owner of a linked sequence", "CREATE TABLE t (id serial);\nALTER SEQUENCE t_id_seq OWNER TO boss;", ddlparse.ErrInvalid, "linked to table"},
		{"data", "CREATE TABLE t (a int);\nUPDATE t SET a = 1;", ddlparse.ErrUnsupported, "keep data out of schema.sql"},
		{"drop of what is never created", "DROP TABLE public.gone;\nCREATE TABLE t (a int);", ddlparse.ErrUndefined, "schema.sql:1:1: table public.gone does not exist"},
		{"column privileges on a foreign table", "CREATE FOREIGN DATA WRAPPER w;\nCREATE SERVER s FOREIGN DATA WRAPPER w;\nCREATE FOREIGN TABLE ft (a int) SERVER s;\nGRANT SELECT (a) ON ft TO r;",
			ddlparse.ErrUnsupported, "column privileges on foreign table"},
		{"owner of a cast", "CREATE CAST (int4 AS int8) WITHOUT FUNCTION;\nALTER CAST (int4 AS int8) OWNER TO r;", ddlparse.ErrSyntax, "syntax error"},
		{"drop of a function never created", "DROP FUNCTION public.gone();", ddlparse.ErrUndefined, "schema.sql:1:1: function public.gone(...) does not exist"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ddlparse.Parse("schema.sql", []byte(c.src))
			if !errors.Is(err, c.kind) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want a %v error containing %q", err, c.kind, c.want)
			}
		})
	}
}

// TestDumpStatementsAreRead checks the statements dumps and framework
// structure files carry around the schema: settings, set_config, \restrict,
// DROP ... IF EXISTS and DROP (pg_dump --clean) of what the file then
// creates, COMMENT ON EXTENSION, OWNER TO, and a framework's bookkeeping
// rows when their table is listed.
func TestDumpStatementsAreRead(t *testing.T) {
	src := `\restrict abc
SET statement_timeout = 0;
SET client_min_messages = warning;
SELECT pg_catalog.set_config('search_path', '', false);
DROP TRIGGER IF EXISTS t_touch ON public.t;
ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;
ALTER TABLE ONLY public.t DROP CONSTRAINT t_pkey;
ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT;
DROP TABLE public.t;
DROP FUNCTION IF EXISTS public.touch();
DROP OPERATOR IF EXISTS public.=== (integer, integer);
DROP SCHEMA IF EXISTS app;
DROP EXTENSION IF EXISTS citext;
CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
ALTER FUNCTION public.touch() OWNER TO app_owner;
CREATE TABLE public.t (id integer NOT NULL);
ALTER TABLE public.t OWNER TO app_owner;
CREATE TABLE public.schema_migrations (version character varying NOT NULL);
INSERT INTO "schema_migrations" (version) VALUES ('20240101000000'), ('20240102000000');
CREATE TABLE public.ar_internal_metadata (key character varying NOT NULL, value character varying);
INSERT INTO public.ar_internal_metadata VALUES ('environment', 'production');
\unrestrict abc
`
	cat, err := ddlparse.Parse("structure.sql", []byte(src), ddlparse.WithIgnoredRows([]string{"schema_migrations", "public.ar_internal_metadata"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Tables) != 3 || cat.Tables[2].Owner != "app_owner" || len(cat.Extensions) != 1 || cat.Extensions[0].Comment != "" {
		t.Errorf("read %s", model.Dump(cat))
	}
	if _, err := ddlparse.Parse("structure.sql", []byte(src)); !errors.Is(err, ddlparse.ErrUnsupported) ||
		!strings.Contains(err.Error(), "ignore_rows") {
		t.Errorf("without ignore_rows: got %v, want the INSERT refused with the suggestion", err)
	}
}
