package schemawrite

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/model"
)

const source = `
CREATE SCHEMA "Billing";
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "E-mail" text NOT NULL UNIQUE, m mood DEFAULT 'ok');
CREATE TABLE "Billing".invoices (id serial PRIMARY KEY, user_id bigint REFERENCES users, total numeric(10,2));
CREATE INDEX ON "Billing".invoices (user_id);
CREATE FUNCTION "Billing".total(u bigint) RETURNS numeric LANGUAGE sql AS $$ SELECT sum(total) FROM "Billing".invoices WHERE user_id = u $$;
CREATE VIEW big AS SELECT id FROM users WHERE "Billing".total(id) > 100;
COMMENT ON TABLE users IS 'it''s them';
CREATE TABLE ev (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ev_2024_by_at ON ev_2024 (at);
CREATE INDEX ev_at ON ev (at);
`

// read parses schema SQL from a file or directory.
func read(t *testing.T, path string) *model.Catalog {
	t.Helper()
	cat, err := autogenerate.ReadDesired(context.Background(), path, &scope.Filter{})
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return cat
}

// TestRoundTrip writes a schema in both layouts and reads each back as the
// same schema.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "source.sql")
	os.WriteFile(src, []byte(source), 0o644)
	cat := read(t, src)
	stmts, err := Statements(cat)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "schema.sql")
	os.WriteFile(file, File(stmts), 0o644)
	split := filepath.Join(dir, "schema")
	files := Dir(stmts)
	for _, p := range Paths(files) {
		os.MkdirAll(filepath.Dir(filepath.Join(split, p)), 0o755)
		os.WriteFile(filepath.Join(split, p), files[p], 0o644)
	}
	for _, p := range []string{file, split} {
		cmp, err := autogenerate.Compare(cat, read(t, p), autogenerate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(cmp.Up) > 0 {
			t.Errorf("%s reads differently: %v", p, cmp.Up)
		}
	}
	text := string(File(stmts))
	for _, want := range []string{`CREATE SCHEMA "Billing";`, `"E-mail" text NOT NULL`, `COMMENT ON TABLE public.users IS 'it''s them';`, "\n-- table 'users'\n",
		"-- index 'ev_2024_by_at' on 'ev_2024', which 'ev_at' attaches\nCREATE INDEX ev_2024_by_at ON public.ev_2024 (at);\n\n-- index 'ev_at'"} {
		if !strings.Contains(text, want) {
			t.Errorf("schema.sql lacks %q:\n%s", want, text)
		}
	}
	again, _ := Statements(cat)
	if string(File(again)) != text {
		t.Error("writing the same catalog twice differs")
	}
}

// TestDirOrder checks the file names keep the statements' order: a kind
// needed again later, or a schema sorting before one already written in
// the same kind, starts a new numbered group.
func TestDirOrder(t *testing.T) {
	stmts := []Statement{
		{Kind: "schemas", SQL: "CREATE SCHEMA b"},
		{Schema: "a", Kind: "tables", SQL: "1"},
		{Schema: "b", Kind: "tables", SQL: "2"},
		{Schema: "a", Kind: "tables", SQL: "3"},
		{Schema: "a", Kind: "views", SQL: "4"},
		{Schema: "a", Kind: "functions", SQL: "5"},
		{Schema: "a", Kind: "views", SQL: "6"},
		{Schema: "a/b", Kind: "views", SQL: "7"},
	}
	files := Dir(stmts)
	want := []string{"01_schemas.sql", "02_tables/a.sql", "02_tables/b.sql", "03_tables/a.sql", "04_views/a.sql", "05_functions/a.sql", "06_views/a.sql", "07_views/a%2Fb.sql"}
	if got := Paths(files); !reflect.DeepEqual(got, want) {
		t.Fatalf("paths %q, want %q", got, want)
	}
	var order []string
	for _, p := range Paths(files) {
		for _, line := range strings.Split(string(files[p]), "\n") {
			if line != "" && !strings.HasPrefix(line, "--") {
				order = append(order, strings.TrimSuffix(line, ";"))
			}
		}
	}
	// "a%2Fb.sql" sorts before "a.sql" by name, as autogen reads them, so
	// 7 starts a group of its own to stay after 6.
	if strings.Join(order, ",") != "CREATE SCHEMA b,1,2,3,4,5,6,7" {
		t.Errorf("read order %q", order)
	}
}

// TestEmptyDir checks that an empty schema written as a directory reads
// back as the empty schema: the directory gets a file saying so, since a
// directory without one is refused.
func TestEmptyDir(t *testing.T) {
	split := t.TempDir()
	files := Dir(nil)
	if len(files) != 1 {
		t.Fatalf("files %v, want one", Paths(files))
	}
	for _, p := range Paths(files) {
		if err := os.WriteFile(filepath.Join(split, p), files[p], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if cat := read(t, split); len(cat.Objects()) > 1 {
		t.Errorf("read back %d objects, want only public", len(cat.Objects()))
	}
}
