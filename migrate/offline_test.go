package migrate_test

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/internal/golden"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

// offlineRegistry is the seed's users/products/orders chain with a
// non-transactional index build and timeouts, for the offline golden file.
func offlineRegistry() *revision.Registry {
	apply := func(ops ...op.Operation) revision.Func {
		return func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, ops...) }
	}
	users := op.CreateTable{Name: "users", Columns: []op.Column{
		{Name: "id", Type: "integer", PrimaryKey: true},
		{Name: "username", Type: "character varying(50)", NotNull: true},
		{Name: "email", Type: "character varying(255)", NotNull: true},
	}}
	status := op.AddColumn{Table: "users", Column: op.Column{Name: "status", Type: "character varying(20)", NotNull: true, Default: "'pending'"}}
	index := op.CreateIndex{Table: "users", Name: "ix_users_email", Unique: true, Concurrently: true, Columns: op.Cols("email")}
	drop, _ := index.Reverse()
	return registry(
		&revision.Revision{ID: "abc123de", Message: "create users table", Upgrade: apply(users), Downgrade: apply(op.DropTable{Name: "users"})},
		&revision.Revision{ID: "def456ab", Revises: []string{"abc123de"}, Message: "add status", LockTimeout: 2 * time.Second, StatementTimeout: 90 * time.Second,
			Upgrade: apply(status), Downgrade: apply(op.DropColumn{Table: "users", Column: "status"})},
		&revision.Revision{ID: "fed789cd", Revises: []string{"def456ab"}, Message: "index email", NoTransaction: true,
			Upgrade: apply(index), Downgrade: apply(drop)},
		&revision.Revision{ID: "0a1b2c3d", Revises: []string{"fed789cd"}, Message: "seed users",
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				if err := m.Apply(ctx, op.BulkInsert{Table: "users", Columns: []string{"id", "username", "email"},
					Rows: [][]any{{1, "o'brien", "ob@example.com"}, {2, `back\slash`, "bs@example.com"}}}); err != nil {
					return err
				}
				return m.Exec(ctx, "UPDATE users SET status = 'active'")
			},
			Downgrade: apply(op.Execute{SQL: "DELETE FROM users WHERE id IN (1, 2)"})},
	)
}

// TestOfflineSQL renders upgrade and downgrade ranges, and stamps, into a
// golden file: what `upgrade --sql` and `downgrade --sql` print.
func TestOfflineSQL(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, offlineRegistry())
	var b strings.Builder
	for _, tt := range []struct {
		title string
		run   func() error
	}{
		{"upgrade head", func() error { return r.UpgradeSQL(ctx, &b, "head") }},
		{"upgrade abc1:fed7", func() error { return r.UpgradeSQL(ctx, &b, "abc1:fed7") }},
		{"upgrade def456ab:+1", func() error { return r.UpgradeSQL(ctx, &b, "def456ab:+1") }},
		{"downgrade head:base", func() error { return r.DowngradeSQL(ctx, &b, "head:base") }},
		{"downgrade head:def456ab", func() error { return r.DowngradeSQL(ctx, &b, "head:def456ab") }},
		{"downgrade fed789cd:-1", func() error { return r.DowngradeSQL(ctx, &b, "fed789cd:-1") }},
		{"stamp head", func() error { return r.StampSQL(&b, false, "head") }},
		{"stamp --purge base", func() error { return r.StampSQL(&b, true, "base") }},
	} {
		b.WriteString("-- >>> " + tt.title + "\n")
		if err := tt.run(); err != nil {
			t.Fatalf("%s: %v", tt.title, err)
		}
	}
	golden.Assert(t, "testdata/offline.golden", b.String())
}

func TestOfflineSQLErrors(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, offlineRegistry())
	var b strings.Builder
	if err := r.DowngradeSQL(ctx, &b, "-1"); err == nil || !strings.Contains(err.Error(), "FROM:TO") {
		t.Errorf("offline downgrade without a range: %v", err)
	}
	if err := r.UpgradeSQL(ctx, &b, "nope"); !errors.Is(err, revision.ErrUnknownRevision) {
		t.Errorf("offline upgrade to an unknown revision: %v", err)
	}
	if err := r.UpgradeSQL(ctx, &b, "nope:head"); !errors.Is(err, revision.ErrUnknownRevision) {
		t.Errorf("offline upgrade from an unknown revision: %v", err)
	}

	// A body that needs the database cannot be rendered offline; the error
	// names the revision.
	query := &revision.Revision{ID: "q1", Message: "data migration",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			_, err := m.Query(ctx, "SELECT id FROM users")
			return err
		}}
	r = newRunner(t, registry(query))
	err := r.UpgradeSQL(ctx, &b, "head")
	var re *migrate.RevisionError
	if !errors.As(err, &re) || re.Step.Revision.ID != "q1" || !errors.Is(err, revision.ErrOffline) {
		t.Errorf("offline upgrade of a querying revision: %v", err)
	}
}

// TestOfflineSQLRunsInPsql feeds the offline upgrade and downgrade scripts
// to psql on a real database, as a DBA would, and checks where they leave
// it: the script is not only well-formed text but correct SQL.
func TestOfflineSQLRunsInPsql(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	r := newRunner(t, offlineRegistry())
	psql := func(script string) {
		t.Helper()
		bin, err := tempdb.FindBinaries()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(filepath.Join(bin, "psql"), "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--quiet", "--dbname", url)
		cmd.Stdin = strings.NewReader(script)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("psql: %v\n%s", err, out)
		}
	}
	var up strings.Builder
	if err := r.UpgradeSQL(ctx, &up, "head"); err != nil {
		t.Fatal(err)
	}
	psql(up.String())
	conn := connect(t, url)
	eq(t, "rows after the offline upgrade", versionRows(t, conn), []string{"0a1b2c3d"})
	eq(t, "users", queryStrings(t, conn, "SELECT username || ':' || status FROM users ORDER BY id"), []string{"o'brien:active", `back\slash:active`})
	cur, err := r.Current(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "current seen by the runner", cur, []string{"0a1b2c3d"})

	var down strings.Builder
	if err := r.DowngradeSQL(ctx, &down, "head:base"); err != nil {
		t.Fatal(err)
	}
	psql(down.String())
	eq(t, "rows after the offline downgrade", versionRows(t, conn), []string{})
	eq(t, "tables after the offline downgrade", userTables(t, conn), []string{})
}
