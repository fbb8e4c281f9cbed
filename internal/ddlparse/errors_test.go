package ddlparse_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/scope"
)

// errorCase is schema text the SQL reader must refuse, with the kind of
// error and its whole message (file, line, column, statement).
type errorCase struct {
	name, src string
	kind      error
	want      string
}

// checkErrors parses each case's text and checks its error.
func checkErrors(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ddlparse.Parse("schema.sql", []byte(c.src))
			var e *ddlparse.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want a *ddlparse.Error", err, err)
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("kind %v, want %v", e.Kind, c.kind)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

// TestErrors pins the position, statement and message of errors for
// malformed, unsupported and dangling input.
func TestErrors(t *testing.T) {
	// A chain this long once killed the process: pg_query's C code walked
	// its tree until the stack overflowed.
	chain := "SELECT " + strings.Repeat("a+", 30000) + "a"
	checkErrors(t, []errorCase{
		{
			// pg_query reads C strings: the file ended at the NUL, and
			// table u was silently not in the schema.
			name: "NUL byte",
			src:  "CREATE TABLE t (a int);\n\x00CREATE TABLE u (b int);\n",
			kind: ddlparse.ErrSyntax,
			want: `schema.sql:2:1: a NUL byte: SQL text cannot hold one (is the file UTF-16 or binary?) (in "\x00CREATE TABLE u (b int);")`,
		},
		{
			name: "not UTF-8",
			src:  "CREATE TABLE t (\n    a text DEFAULT 'caf\xe9'\n);\n",
			kind: ddlparse.ErrSyntax,
			want: `schema.sql:2:24: bytes that are not UTF-8: save the file as UTF-8 (in "a text DEFAULT 'caf�'")`,
		},
		{
			// Once left out as a comment between statements, with every
			// statement after it.
			name: "comment left open",
			src:  "CREATE TABLE t (a int);\n/* CREATE TABLE u (b int);\n",
			kind: ddlparse.ErrSyntax,
			want: "schema.sql:2:1: unterminated /* comment at or near \"/* CREATE TABLE u (b int);\n\" (in \"/* CREATE TABLE u (b int);\")",
		},
		{
			// Once read as if t existed.
			name: "rollback in a transaction block",
			src:  "BEGIN;\nCREATE TABLE t (a int);\nROLLBACK;\n",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:3:1: ROLLBACK in a transaction block (it would undo statements the schema then describes as created; remove it with what it undoes) is not supported (in "ROLLBACK;")`,
		},
		{
			// psql rolls the block back when the file ends.
			name: "transaction block never committed",
			src:  "CREATE TABLE t (a int);\nBEGIN;\nCREATE TABLE u (a int);\n",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:2:1: transaction block never committed: psql rolls it back at the end of the file, and nothing in it is created; add COMMIT (in "BEGIN;")`,
		},
		{
			name: "expression too deep for pg_query",
			src:  "CREATE TABLE ok (a int);\nCREATE VIEW v AS\n" + chain + ";\n",
			kind: ddlparse.ErrSyntax,
			want: fmt.Sprintf(`schema.sql:3:%d: expression nested too deeply: more than 4000 operators, casts, joins or set operations in one chain; split it up (pg_query cannot read it) (in "CREATE VIEW v AS")`, strings.LastIndex(chain, "+")+1),
		},
		{
			name: "syntax error",
			src:  "CREATE TABLE ok (a int);\n\nCREATE TABLE t (\n    a int,,\n    b text\n);\n",
			kind: ddlparse.ErrSyntax,
			want: `schema.sql:4:11: syntax error at or near "," (in "CREATE TABLE t (")`,
		},
		{
			name: "syntax error after multibyte characters",
			src:  "CREATE TABLE \"ünï\" (a int) WITHH (fillfactor = 1);",
			kind: ddlparse.ErrSyntax,
			want: `schema.sql:1:28: syntax error at or near "WITHH" (in "CREATE TABLE \"ünï\" (a int) WITHH (fillfactor = 1);")`,
		},
		{
			name: "constant frozen at creation",
			src:  "CREATE TABLE t (\n    id int,\n    created timestamp DEFAULT 'now'\n);\n",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:3:31: default of column created: constant frozen at creation: 'now'::timestamp without time zone is replaced by the time the statement runs and frozen there; write now() to mean the time of each use, or the value itself (in "CREATE TABLE t (")`,
		},
		{
			name: "unsupported statement",
			src:  "CREATE TABLE t (a int);\n  CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p;\n",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:2:3: CREATE SUBSCRIPTION is not supported (in "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p;")`,
		},
		{
			name: "unsupported clause",
			src:  "CREATE TABLE t (a int);\nALTER TABLE t SET ACCESS METHOD heap;",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:2:1: ALTER TABLE SET ACCESS METHOD is not supported (in "ALTER TABLE t SET ACCESS METHOD heap;")`,
		},
		{
			name: "data",
			src:  "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:2:1: INSERT is not supported: schema files hold no data; keep data out of schema.sql (in a revision or a seed script), or, for a framework's own bookkeeping rows, list their table in autogen.toml's ignore_rows (in "INSERT INTO t VALUES (1);")`,
		},
		{
			name: "ON DELETE SET NULL of a column outside the key",
			src:  "CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));\nCREATE TABLE t (a int, b int, c int,\n  FOREIGN KEY (a, b) REFERENCES p ON DELETE SET NULL (c)\n);",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:3:3: column c referenced in ON DELETE SET action must be part of foreign key (in "CREATE TABLE t (a int, b int, c int,")`,
		},
		{
			name: "missing foreign key target",
			src:  "CREATE TABLE t (\n  a int REFERENCES missing (id)\n);",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:2:20: relation missing does not exist (in "CREATE TABLE t (")`,
		},
		{
			name: "missing column type",
			src:  "CREATE TABLE t (a no_such_type);",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:1:19: type no_such_type does not exist (in "CREATE TABLE t (a no_such_type);")`,
		},
		{
			name: "missing trigger function",
			src:  "CREATE TABLE t (a int);\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION nope();",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:2:1: function nope does not exist (in "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION nope();")`,
		},
		{
			name: "schema element in another schema",
			src:  "CREATE SCHEMA rep\n  CREATE TABLE public.t (a int);",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:1:1: CREATE specifies a schema (public) different from the one being created (rep) (in "CREATE SCHEMA rep")`,
		},
		{
			name: "schema elements that clash",
			src:  "CREATE SCHEMA rep\n  CREATE TABLE t (a int)\n  CREATE TABLE t (b int);",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:3:16: relation rep.t already exists (in "CREATE SCHEMA rep")`,
		},
		{
			name: "alter function that does not exist",
			src:  "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nALTER FUNCTION f(text) STABLE;",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:2:1: function public.f(text) does not exist (in "ALTER FUNCTION f(text) STABLE;")`,
		},
		{
			name: "rows of a function that returns no set",
			src:  "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nALTER FUNCTION f() ROWS 5;",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:2:20: ROWS is not applicable when function does not return a set (in "ALTER FUNCTION f() ROWS 5;")`,
		},
		{
			name: "attribute type of a composite a column uses",
			src:  "CREATE TYPE c AS (a int);\nCREATE TABLE t (v c);\nALTER TYPE c ALTER ATTRIBUTE a TYPE bigint;",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:3:1: cannot alter type public.c because column t.v uses it (in "ALTER TYPE c ALTER ATTRIBUTE a TYPE bigint;")`,
		},
		{
			name: "alter constraint of a check",
			src:  "CREATE TABLE u (a int, CONSTRAINT c CHECK (a > 0));\nALTER TABLE u ALTER CONSTRAINT c DEFERRABLE;",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:2:1: constraint c of relation u is not a foreign key constraint (in "ALTER TABLE u ALTER CONSTRAINT c DEFERRABLE;")`,
		},
		{
			name: "drop a key a foreign key needs",
			src:  "CREATE TABLE t (a int PRIMARY KEY);\nCREATE TABLE u (a int REFERENCES t);\nALTER TABLE t DROP CONSTRAINT t_pkey;",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:3:1: cannot drop constraint t_pkey on table public.t because constraint u_a_fkey on table public.u depends on it (in "ALTER TABLE t DROP CONSTRAINT t_pkey;")`,
		},
		{
			name: "drop a constraint that does not exist",
			src:  "CREATE TABLE t (a int);\nALTER TABLE t DROP CONSTRAINT nope;",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:2:1: constraint nope of relation t does not exist (in "ALTER TABLE t DROP CONSTRAINT nope;")`,
		},
		{
			name: "drop a constraint of a partitioned table",
			src:  "CREATE TABLE p (a int CONSTRAINT pos CHECK (a > 0)) PARTITION BY LIST (a);\nCREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\nALTER TABLE p DROP CONSTRAINT pos;",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:3:1: ALTER TABLE DROP CONSTRAINT on a table with partitions, inheritance children or parents (leave the constraint out instead) is not supported (in "ALTER TABLE p DROP CONSTRAINT pos;")`,
		},
		{
			name: "duplicate table",
			src:  "CREATE TABLE t (a int);\nCREATE TABLE t (b int);",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:2:14: relation public.t already exists (in "CREATE TABLE t (b int);")`,
		},
		{
			name: "psql meta-command",
			src:  "\\connect other\nCREATE TABLE t (a int);",
			kind: ddlparse.ErrUnsupported,
			want: `schema.sql:1:1: psql meta-command \connect is not supported (in "\\connect other")`,
		},
		{
			// PostgreSQL allows a statistics target on expression keys
			// only.
			name: "statistics target of an index's plain column",
			src:  "CREATE TABLE t (a int);\nCREATE INDEX ti ON t (a, (a + 1));\nALTER INDEX ti ALTER COLUMN 1 SET STATISTICS 10;",
			kind: ddlparse.ErrInvalid,
			want: `schema.sql:3:1: cannot alter statistics on non-expression column 1 of index ti (in "ALTER INDEX ti ALTER COLUMN 1 SET STATISTICS 10;")`,
		},
		{
			name: "statistics target of an index column that does not exist",
			src:  "CREATE TABLE t (a int);\nCREATE INDEX ti ON t ((a + 1));\nALTER INDEX ti ALTER COLUMN 2 SET STATISTICS 10;",
			kind: ddlparse.ErrUndefined,
			want: `schema.sql:3:1: column number 2 of relation ti does not exist (in "ALTER INDEX ti ALTER COLUMN 2 SET STATISTICS 10;")`,
		},
	})
}

// TestReferencesIntoExcludedSchemas checks that references into schemas the
// filter leaves out, or into an extension's objects, are not errors.
func TestReferencesIntoExcludedSchemas(t *testing.T) {
	mustParse(t, `CREATE EXTENSION citext; CREATE TABLE t (e citext);`)
	src := []byte(`CREATE TABLE t (a int REFERENCES audit.log (id), b audit.kind);`)
	if _, err := ddlparse.Parse("schema.sql", src); !errors.Is(err, ddlparse.ErrUndefined) {
		t.Errorf("a reference into an unknown schema must fail: %v", err)
	}
	c, err := ddlparse.Parse("schema.sql", src, ddlparse.WithFilter(&scope.Filter{ExcludeSchemas: []string{"audit"}}))
	if err != nil {
		t.Fatalf("a reference into an excluded schema must pass: %v", err)
	}
	if fk := c.Tables[0].Constraints[0]; fk.References.String() != "audit.log" || c.Tables[0].Columns[1].Type != "audit.kind" {
		t.Errorf("got %+v, %+v", fk, c.Tables[0].Columns[1])
	}
}

// TestLoadDirectory checks that a directory's files are read in name
// order, each starting with the default search_path.
func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"01_schema.sql":        "CREATE SCHEMA app; SET search_path = app;",
		"02_tables.sql":        "CREATE TABLE t (id int PRIMARY KEY);",
		"sub/03_refs.sql":      "CREATE TABLE app.r (id int REFERENCES t);",
		"notes.txt":            "not SQL",
		"sub/04_app_types.sql": "SET search_path = app; CREATE TYPE k AS ENUM ('x');",
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := ddlparse.Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tables) != 2 || c.Tables[0].Name.String() != "app.r" || c.Tables[1].Name.String() != "public.t" {
		t.Errorf("tables %v", c.Tables)
	}
	if len(c.Enums) != 1 || c.Enums[0].Name.String() != "app.k" {
		t.Errorf("enums %v", c.Enums)
	}
}

// TestByteOrderMark checks that a UTF-8 byte order mark, which editors on
// Windows write, is not read as part of the first statement, and that
// columns on the first line count from after it.
func TestByteOrderMark(t *testing.T) {
	cat, err := ddlparse.Parse("schema.sql", []byte("\xef\xbb\xbfCREATE TABLE t (a int);"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Tables) != 1 || cat.Tables[0].Name.Name != "t" {
		t.Fatalf("tables %v, want t", cat.Tables)
	}
	_, err = ddlparse.Parse("schema.sql", []byte("\xef\xbb\xbfCREATE TABLE t (a int,,);"))
	if err == nil || !strings.HasPrefix(err.Error(), "schema.sql:1:23: ") {
		t.Errorf("got %v, want an error at 1:23", err)
	}
}

// TestTransactionBlocks checks that transaction statements that change
// nothing a file describes are accepted: a block committed, and a ROLLBACK
// with no block open (psql only warns).
func TestTransactionBlocks(t *testing.T) {
	cat, err := ddlparse.Parse("schema.sql", []byte("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\nROLLBACK;\nSTART TRANSACTION;\nCREATE TABLE u (a int);\nEND;\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Tables) != 2 {
		t.Errorf("tables %v, want t and u", cat.Tables)
	}
}

// TestSetLocal checks that SET LOCAL and set_config(..., true) set the
// search_path only until the transaction block ends, and not at all
// outside one, while a plain SET in a block outlives it: the tables land
// in the schemas psql would put them in.
func TestSetLocal(t *testing.T) {
	src := `CREATE SCHEMA a; CREATE SCHEMA b;
SET LOCAL search_path = a;
CREATE TABLE t1 (x int);
BEGIN;
SET LOCAL search_path = a;
CREATE TABLE t2 (x int);
COMMIT;
CREATE TABLE t3 (x int);
BEGIN;
SELECT pg_catalog.set_config('search_path', 'b', true);
CREATE TABLE t4 (x int);
END;
CREATE TABLE t5 (x int);
BEGIN;
SET search_path = b;
SET LOCAL search_path = a;
CREATE TABLE t6 (x int);
COMMIT;
CREATE TABLE t7 (x int);
`
	cat, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range cat.Tables {
		got = append(got, tb.Name.String())
	}
	slices.Sort(got)
	want := []string{"a.t2", "a.t6", "b.t4", "b.t7", "public.t1", "public.t3", "public.t5"}
	if !slices.Equal(got, want) {
		t.Errorf("tables %v, want %v", got, want)
	}
}
