package introspect_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/ddlparse"
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

// TestInspectServerError checks that a catalog query the server refuses
// halfway through the read (the batch goes as one multi-statement query)
// is reported with its kind, and leaves the connection usable and outside
// any transaction, in a caller's transaction too (rolled back to before
// the read).
func TestInspectServerError(t *testing.T) {
	ctx := context.Background()
	// Only this database's copy of pg_trigger loses its grant.
	conn := connect(t, `CREATE TABLE t (id int); REVOKE SELECT ON pg_catalog.pg_trigger FROM PUBLIC;`)
	if _, err := conn.Exec(ctx, "SET ROLE "+pgtest.Roles[0]); err != nil {
		t.Fatal(err)
	}
	_, err := introspect.Inspect(ctx, conn)
	if err == nil || !strings.Contains(err.Error(), "querying triggers") || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("got %v, want the triggers query refused", err)
	}
	if st := conn.PgConn().TxStatus(); st != 'I' {
		t.Errorf("transaction status %c after the failed read, want I (idle)", st)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := introspect.Inspect(ctx, tx); err == nil {
		t.Fatal("the read in a transaction succeeded")
	}
	var one int
	if err := tx.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		t.Errorf("the caller's transaction was left broken: %v", err)
	}
}

// TestInspectUnsupported checks that objects the model cannot hold make
// Inspect fail rather than vanish, and that the SQL reader refuses the
// same objects: what PostgreSQL can hold and autogen cannot represent is
// refused loudly by both readers.
func TestInspectUnsupported(t *testing.T) {
	for _, c := range []struct {
		name, sql, want string
	}{
		{"shell type", `CREATE TYPE later;`, "shell type public.later"},
		{"shell operator", `CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq, COMMUTATOR = ====);`,
			"shell operator public.===="},
		{"typed table", `CREATE TYPE pair AS (a integer, b integer); CREATE TABLE pairs OF pair;`, "typed table public.pairs"},
		{"conversion", `CREATE CONVERSION latin1_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;`, "conversion public.latin1_utf8"},
		{"access method", `CREATE ACCESS METHOD my_btree TYPE INDEX HANDLER bthandler;`, "access method my_btree"},
		{"language", `CREATE LANGUAGE my_plpgsql HANDLER plpgsql_call_handler;`, "language my_plpgsql"},
		{"subscription", `CREATE SUBSCRIPTION feed CONNECTION 'dbname=nowhere' PUBLICATION p WITH (connect = false, slot_name = NONE);`,
			"subscription feed"},
		{"inheriting foreign table", `CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;
			CREATE TABLE parent (a integer); CREATE FOREIGN TABLE child () INHERITS (parent) SERVER s;`,
			"foreign table that inherits or is a partition public.child"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := ddlparse.Parse("schema.sql", []byte(c.sql)); !errors.Is(err, ddlparse.ErrUnsupported) {
				t.Errorf("the SQL reader gives %v, want it refused as not supported", err)
			}
			conn := connect(t, c.sql)
			_, err := introspect.Inspect(context.Background(), conn)
			var u *introspect.UnsupportedError
			if !errors.As(err, &u) || !slices.Contains(u.Objects, c.want) {
				t.Fatalf("got %v, want %q among the unsupported objects", err, c.want)
			}
			// The connection is usable afterwards.
			if _, err := conn.Exec(context.Background(), "SELECT 1"); err != nil {
				t.Errorf("connection left broken: %v", err)
			}
			if c.name == "subscription" {
				// A database with a subscription cannot be dropped.
				if _, err := conn.Exec(context.Background(), "DROP SUBSCRIPTION feed"); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
