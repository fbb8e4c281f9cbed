package migrate_test

import (
	"context"
	"errors"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// TestUpgradeSchemas applies unqualified revisions to every tenant schema
// (seed example 80): each tenant gets the tables and a version table of its
// own, and nothing lands in public.
func TestUpgradeSchemas(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, "CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA other; CREATE SCHEMA \"tenant_Q\"")
	conn := connect(t, url)
	r := newRunner(t, registry(tableRev("a"), tableRev("b", "a")), migrate.WithVersionTable("app.versions"))

	schemas, err := migrate.Schemas(ctx, conn, "tenant_*")
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "schemas matching tenant_*", schemas, []string{"tenant_Q", "tenant_a", "tenant_b"})
	if _, err := migrate.Schemas(ctx, conn, "tenant_["); err == nil {
		t.Error("a malformed pattern was accepted")
	}

	res, err := r.UpgradeSchemas(ctx, conn, schemas, "head", migrate.StopOnError)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range schemas {
		if res[i].Schema != s || res[i].Moved != 2 || res[i].Err != nil {
			t.Errorf("result %d = %+v", i, res[i])
		}
	}
	got := queryStrings(t, conn, `SELECT schemaname || '.' || tablename FROM pg_tables
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname || '.' || tablename COLLATE "C"`)
	eq(t, "tables", got, []string{
		"tenant_Q.t_a", "tenant_Q.t_b", "tenant_Q.versions",
		"tenant_a.t_a", "tenant_a.t_b", "tenant_a.versions",
		"tenant_b.t_a", "tenant_b.t_b", "tenant_b.versions",
	})
	eq(t, "tenant_b's version table", queryStrings(t, conn, "SELECT version_num FROM tenant_b.versions"), []string{"b"})

	st, err := r.StatusSchemas(ctx, conn, []string{"tenant_a", "other"})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "status of two schemas", st, []migrate.SchemaStatus{
		{Schema: "tenant_a", Status: migrate.Status{Current: []string{"b"}, Heads: []string{"b"}, AtHead: true}},
		{Schema: "other", Status: migrate.Status{Heads: []string{"b"}, Pending: 2}},
	})

	res, err = r.DowngradeSchemas(ctx, conn, []string{"tenant_a"}, "-1", migrate.StopOnError)
	if err != nil || len(res) != 1 || res[0].Moved != 1 {
		t.Fatalf("DowngradeSchemas = %+v, %v", res, err)
	}
	eq(t, "tenant_a after -1", queryStrings(t, conn, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'tenant_a' ORDER BY 1"),
		[]string{"t_a", "versions"})

	if _, err := r.UpgradeSchemas(ctx, conn, nil, "head", migrate.StopOnError); !errors.Is(err, migrate.ErrNoSchema) {
		t.Errorf("UpgradeSchemas of no schema = %v", err)
	}
}

// TestUpgradeSchemasFailure checks both error policies: a tenant whose
// upgrade fails stops the run, or is reported while the others go on.
func TestUpgradeSchemasFailure(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	// tenant_b already has a t_b, so creating it fails there.
	pgtest.Exec(t, url, "CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_c; CREATE TABLE tenant_b.t_b (x int)")
	conn := connect(t, url)
	r := newRunner(t, registry(tableRev("a"), tableRev("b", "a")))
	all := []string{"tenant_a", "tenant_b", "tenant_c"}

	res, err := r.UpgradeSchemas(ctx, conn, all, "head", migrate.StopOnError)
	var se *migrate.SchemaError
	var re *migrate.RevisionError
	if !errors.As(err, &se) || se.Schema != "tenant_b" || !errors.As(err, &re) || re.Step.Revision.ID != "b" {
		t.Fatalf("error = %v, want tenant_b's revision b", err)
	}
	if len(res) != 2 || res[0].Err != nil || res[1].Err == nil || res[1].Moved != 1 {
		t.Fatalf("results = %+v, want tenant_a done and tenant_b failed after one revision", res)
	}
	eq(t, "tenant_c untouched", queryStrings(t, conn, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'tenant_c'"), []string{})

	res, err = r.UpgradeSchemas(ctx, conn, all, "head", migrate.ContinueOnError)
	if err == nil || len(res) != 3 || res[1].Err == nil || res[2].Err != nil || res[2].Moved != 2 {
		t.Fatalf("with ContinueOnError: %+v, %v", res, err)
	}
	eq(t, "tenant_c upgraded", queryStrings(t, conn, "SELECT version_num FROM tenant_c.autogen_version"), []string{"b"})
	// tenant_b stays at the revision before the failing one.
	eq(t, "tenant_b at a", queryStrings(t, conn, "SELECT version_num FROM tenant_b.autogen_version"), []string{"a"})
}

// TestForSchemaSearchPath checks that unqualified names resolve in the
// tenant's schema only, inside and outside transactions, and that the
// connection's search_path is left as it was.
func TestForSchemaSearchPath(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, "CREATE SCHEMA tenant_a; CREATE TABLE public.shared (x int)")
	conn := connect(t, url)
	probe := func(id string, parents ...string) *revision.Revision {
		rev := &revision.Revision{ID: id, Revises: parents, Message: "probe",
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				// public is not on the path: an unqualified "shared" is
				// not found, so the table is created in the tenant.
				return m.Apply(ctx, op.Execute{SQL: "CREATE TABLE IF NOT EXISTS shared (y int); CREATE INDEX " + id + "_idx ON shared (y)"})
			}}
		return rev
	}
	plain := probe("p2", "p1")
	plain.NoTransaction = true
	plain.Upgrade = func(ctx context.Context, m *revision.Migration) error {
		return m.Apply(ctx, op.CreateIndex{Name: "p2_idx", Table: "shared", Columns: []op.IndexColumn{{Name: "y"}}, Concurrently: true})
	}
	r := newRunner(t, registry(probe("p1"), plain)).ForSchema("tenant_a")
	if r.Schema() != "tenant_a" || r.VersionTable() != (op.Name{Schema: "tenant_a", Name: "autogen_version"}) {
		t.Fatalf("ForSchema: schema %q, version table %v", r.Schema(), r.VersionTable())
	}
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatal(err)
	}
	eq(t, "indexes of tenant_a.shared", queryStrings(t, conn,
		"SELECT indexname::text FROM pg_indexes WHERE schemaname = 'tenant_a' AND tablename = 'shared' ORDER BY 1"),
		[]string{"p1_idx", "p2_idx"})
	eq(t, "search_path afterwards", queryStrings(t, conn, "SHOW search_path"), []string{`"$user", public`})
}
