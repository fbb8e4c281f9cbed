package introspect_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

func connect(t *testing.T, sql string) *pgx.Conn {
	t.Helper()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, sql)
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// TestInspectScope checks what Inspect leaves out: the version table,
// filtered schemas and tables, extension objects and system schemas; and
// that it reads in one round trip.
func TestInspectScope(t *testing.T) {
	conn := connect(t, `
		CREATE EXTENSION hstore;
		CREATE SCHEMA audit;
		CREATE TABLE audit.log (id int);
		CREATE TABLE public.autogen_version (id text);
		CREATE TABLE public.keep (id int, h hstore);
		CREATE TABLE public.tmp_scratch (id int);
		CREATE VIEW public.tmp_view AS SELECT 1 AS one;`)
	var stats introspect.Stats
	c, err := introspect.Inspect(context.Background(), conn,
		introspect.WithFilter(&scope.Filter{ExcludeSchemas: []string{"audit"}, ExcludeTables: []string{"tmp_*"}}),
		introspect.WithVersionTable("public.autogen_version"),
		introspect.WithStats(&stats))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tables) != 1 || c.Tables[0].Name != (model.Name{Schema: "public", Name: "keep"}) {
		t.Errorf("tables %v", c.Tables)
	}
	if len(c.Schemas) != 0 || len(c.Views) != 0 || len(c.Functions) != 0 {
		t.Errorf("schemas %v, views %v, functions %d (hstore's must not show)", c.Schemas, c.Views, len(c.Functions))
	}
	if len(c.Extensions) != 1 || c.Extensions[0].Name != "hstore" || c.Extensions[0].Version != "" {
		t.Errorf("extensions %+v", c.Extensions)
	}
	if stats.RoundTrips != 1 {
		t.Errorf("%d round trips, want 1", stats.RoundTrips)
	}
}

// TestInspectInTransaction checks that Inspect works inside a caller's
// transaction and leaves its settings as they were.
func TestInspectInTransaction(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, `CREATE TABLE t (id int DEFAULT 1)`)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL search_path = public"); err != nil {
		t.Fatal(err)
	}
	c, err := introspect.Inspect(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tables) != 1 {
		t.Errorf("tables %v", c.Tables)
	}
	var path string
	if err := tx.QueryRow(ctx, "SHOW search_path").Scan(&path); err != nil {
		t.Fatal(err)
	}
	if path != "public" {
		t.Errorf("search_path after Inspect = %q", path)
	}
}

// TestInspectUnsupported checks that objects the model cannot hold make
// Inspect fail rather than vanish.
func TestInspectUnsupported(t *testing.T) {
	conn := connect(t, `CREATE TABLE t (id int); CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING;
		CREATE TYPE fr AS RANGE (subtype = float8);`)
	_, err := introspect.Inspect(context.Background(), conn)
	var u *introspect.UnsupportedError
	if !errors.As(err, &u) || len(u.Objects) != 2 {
		t.Fatalf("got %v", err)
	}
	// The multirange type comes with the range type and is not listed.
	want := []string{"range type public.fr", "rule public.t r"}
	for i, w := range want {
		if u.Objects[i] != w {
			t.Errorf("object %d = %q, want %q", i, u.Objects[i], w)
		}
	}
	// The connection is usable afterwards.
	if _, err := conn.Exec(context.Background(), "SELECT 1"); err != nil {
		t.Errorf("connection left broken: %v", err)
	}
}
