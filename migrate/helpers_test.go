package migrate_test

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// TestMain runs the tests, or, started by a fault test with helperEnv
// set, acts as a runner process (see runHelper).
func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(runHelper())
	}
	pgtest.Main(m)
}

// tableRev is a revision that creates table t_ID and drops it again.
func tableRev(id string, parents ...string) *revision.Revision {
	table := "t_" + id
	return &revision.Revision{
		ID: id, Revises: parents, Message: "create " + table,
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.CreateTable{Name: table, Columns: []op.Column{{Name: "id", Type: "integer"}}})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropTable{Name: table})
		},
	}
}

func registry(revs ...*revision.Revision) *revision.Registry {
	reg := revision.NewRegistry()
	for _, r := range revs {
		reg.Add(r)
	}
	return reg
}

func newRunner(t *testing.T, reg *revision.Registry, opts ...migrate.Option) *migrate.Runner {
	t.Helper()
	r, err := migrate.New(reg, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// strings runs a query returning one text column.
func queryStrings(t *testing.T, conn *pgx.Conn, sql string, args ...any) []string {
	t.Helper()
	rows, err := conn.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// versionRows returns the version table's rows, read directly.
func versionRows(t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	return queryStrings(t, conn, "SELECT version_num FROM public.autogen_version ORDER BY 1")
}

// userTables returns the tables in public other than the version table.
func userTables(t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	return queryStrings(t, conn, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'autogen_version' ORDER BY 1")
}
