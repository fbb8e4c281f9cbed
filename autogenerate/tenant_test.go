package autogenerate

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/model"
)

// TestWithoutSchemaIsStructural writes a multi-tenant template's revision:
// every reference to the template schema goes, in names, types, defaults,
// views and function calls, while string constants that merely read like
// qualified names stay; the SQL then builds the schema in any tenant's
// schema through search_path.
func TestWithoutSchemaIsStructural(t *testing.T) {
	src := `
CREATE SCHEMA app;
SET search_path = app;
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE TABLE orders (
    id serial PRIMARY KEY,
    status mood DEFAULT 'a',
    host text DEFAULT 'app.example.com',
    note text DEFAULT 'app.x is text',
    n integer CHECK (twice(n) > 0)
);
CREATE INDEX orders_twice ON orders (twice(id));
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'a';
`
	dir := t.TempDir()
	path := filepath.Join(dir, "schema.sql")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	desired, err := ddlparse.Load(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(&model.Catalog{}, desired, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tenant, err := res.WithoutSchema("app")
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := tenant.UpPlan.SQL()
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(stmts, ";\n")
	for _, want := range []string{"'app.example.com'", "'app.x is text'"} {
		if !strings.Contains(all, want) {
			t.Errorf("the revision lost the string %s:\n%s", want, all)
		}
	}
	toks := pgsql.Tokens(all)
	for i, tok := range toks {
		if name, ok := tok.Ident(); ok && name == "app" && i+1 < len(toks) && toks[i+1].Text == "." {
			t.Errorf("the revision still names the template schema at %q", all[max(0, tok.Pos-30):min(len(all), tok.Pos+30)])
		}
		if tok.Kind == pgsql.Word && strings.EqualFold(tok.Text, "SCHEMA") {
			t.Errorf("the revision creates a schema:\n%s", all)
		}
	}
	// The SQL builds the template's objects in a tenant's schema.
	url := pgtest.NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA tenant_1; SET search_path = tenant_1"); err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("%v\n%s", err, s)
		}
	}
	var host string
	if err := conn.QueryRow(ctx, "INSERT INTO tenant_1.orders (n) VALUES (1) RETURNING host").Scan(&host); err != nil || host != "app.example.com" {
		t.Errorf("default host = %q (%v), want app.example.com", host, err)
	}
}
