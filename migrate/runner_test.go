package migrate_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestUpgradeDowngradeStampCurrent drives a linear chain through every
// command an application or the runner uses, checking the version table
// and the schema after each.
func TestUpgradeDowngradeStampCurrent(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t))
	r := newRunner(t, registry(tableRev("a"), tableRev("b", "a"), tableRev("c", "b")))

	cur, err := r.Current(ctx, conn)
	if err != nil || len(cur) != 0 {
		t.Fatalf("Current of a new database = %v, %v", cur, err)
	}
	st, err := r.Status(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "status of a new database", st, migrate.Status{Heads: []string{"c"}, Pending: 3})

	n, err := r.Upgrade(ctx, conn, "+1")
	if err != nil || n != 1 {
		t.Fatalf("Upgrade +1 = %d, %v", n, err)
	}
	eq(t, "rows after +1", versionRows(t, conn), []string{"a"})
	eq(t, "tables after +1", userTables(t, conn), []string{"t_a"})

	if n, err = r.Upgrade(ctx, conn, "head"); err != nil || n != 2 {
		t.Fatalf("Upgrade head = %d, %v", n, err)
	}
	eq(t, "rows at head", versionRows(t, conn), []string{"c"})
	eq(t, "tables at head", userTables(t, conn), []string{"t_a", "t_b", "t_c"})
	if n, err = r.Upgrade(ctx, conn, "head"); err != nil || n != 0 {
		t.Fatalf("Upgrade head at head = %d, %v", n, err)
	}
	cur, err = r.Current(ctx, conn)
	eq(t, "current at head", cur, []string{"c"})
	if st, err = r.Status(ctx, conn); err != nil {
		t.Fatal(err)
	}
	eq(t, "status at head", st, migrate.Status{Current: []string{"c"}, Heads: []string{"c"}, AtHead: true})

	if n, err = r.Downgrade(ctx, conn, "-1"); err != nil || n != 1 {
		t.Fatalf("Downgrade -1 = %d, %v", n, err)
	}
	eq(t, "rows after -1", versionRows(t, conn), []string{"b"})
	eq(t, "tables after -1", userTables(t, conn), []string{"t_a", "t_b"})

	if n, err = r.Downgrade(ctx, conn, "base"); err != nil || n != 2 {
		t.Fatalf("Downgrade base = %d, %v", n, err)
	}
	eq(t, "rows at base", versionRows(t, conn), []string{})
	eq(t, "tables at base", userTables(t, conn), []string{})
	if n, err = r.Downgrade(ctx, conn, "base"); err != nil || n != 0 {
		t.Fatalf("Downgrade base at base = %d, %v", n, err)
	}

	// Stamping moves the version table and runs nothing.
	for _, tt := range []struct {
		target string
		want   []string
	}{{"head", []string{"c"}}, {"a", []string{"a"}}, {"heads", []string{"c"}}, {"base", []string{}}, {"b", []string{"b"}}} {
		if err := r.Stamp(ctx, conn, false, tt.target); err != nil {
			t.Fatalf("Stamp %s: %v", tt.target, err)
		}
		eq(t, "rows after stamp "+tt.target, versionRows(t, conn), tt.want)
	}
	eq(t, "tables after stamping", userTables(t, conn), []string{})
	if err := r.Stamp(ctx, conn, false, "nope"); !errors.Is(err, revision.ErrUnknownRevision) {
		t.Errorf("Stamp of an unknown revision: %v", err)
	}
}

// TestUnknownDatabaseRevision checks that a version table naming a revision
// no file declares stops every command but a purging stamp.
func TestUnknownDatabaseRevision(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	r := newRunner(t, registry(tableRev("a"), tableRev("b", "a")))
	if _, err := r.Upgrade(ctx, conn, "a"); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, "UPDATE autogen_version SET version_num = 'deadbeef'")

	var ue *migrate.UnknownRevisionsError
	cur, err := r.Current(ctx, conn)
	if !errors.As(err, &ue) || !reflect.DeepEqual(ue.IDs, []string{"deadbeef"}) || !errors.Is(err, migrate.ErrUnknownDatabaseRevision) {
		t.Fatalf("Current = %v, %v; want an UnknownRevisionsError for deadbeef", cur, err)
	}
	eq(t, "Current's rows", cur, []string{"deadbeef"})
	if !strings.Contains(err.Error(), "stamp --purge") {
		t.Errorf("the message does not say how to recover: %v", err)
	}
	if _, err := r.Upgrade(ctx, conn, "head"); !errors.Is(err, migrate.ErrUnknownDatabaseRevision) {
		t.Errorf("Upgrade = %v", err)
	}
	if _, err := r.Downgrade(ctx, conn, "base"); !errors.Is(err, migrate.ErrUnknownDatabaseRevision) {
		t.Errorf("Downgrade = %v", err)
	}
	if _, err := r.Status(ctx, conn); !errors.Is(err, migrate.ErrUnknownDatabaseRevision) {
		t.Errorf("Status = %v", err)
	}
	if err := r.Stamp(ctx, conn, false, "a"); !errors.Is(err, migrate.ErrUnknownDatabaseRevision) {
		t.Errorf("Stamp without purge = %v", err)
	}
	eq(t, "rows after the refused stamp", versionRows(t, conn), []string{"deadbeef"})
	if err := r.Stamp(ctx, conn, true, "a"); err != nil {
		t.Fatalf("Stamp --purge: %v", err)
	}
	eq(t, "rows after stamp --purge", versionRows(t, conn), []string{"a"})
	if n, err := r.Upgrade(ctx, conn, "head"); err != nil || n != 1 {
		t.Fatalf("Upgrade after the purge = %d, %v", n, err)
	}
}

// TestBranchesKeepOneRowPerHead checks the version table through a branch
// and a merge: one row per applied head, as Alembic keeps.
func TestBranchesKeepOneRowPerHead(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t))
	merge := &revision.Revision{ID: "m", Revises: []string{"b1", "b2"}, Message: "merge"}
	r := newRunner(t, registry(tableRev("a"), tableRev("b1", "a"), tableRev("b2", "a"), merge, tableRev("c", "m")))

	if _, err := r.Upgrade(ctx, conn, "b1"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Upgrade(ctx, conn, "b2"); err != nil {
		t.Fatal(err)
	}
	eq(t, "rows with two branches", versionRows(t, conn), []string{"b1", "b2"})
	cur, _ := r.Current(ctx, conn)
	eq(t, "current with two branches", cur, []string{"b1", "b2"})
	if _, err := r.Downgrade(ctx, conn, "-1"); !errors.Is(err, revision.ErrMultipleHeads) {
		t.Errorf("Downgrade -1 with two heads = %v", err)
	}
	if _, err := r.Upgrade(ctx, conn, "m"); err != nil {
		t.Fatal(err)
	}
	eq(t, "rows after the merge", versionRows(t, conn), []string{"m"})
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatal(err)
	}
	eq(t, "rows at head", versionRows(t, conn), []string{"c"})
	if _, err := r.Downgrade(ctx, conn, "-2"); !errors.Is(err, revision.ErrMultipleHeads) {
		t.Errorf("Downgrade -2 across the merge point = %v, want a request to name the revision", err)
	}
	// Going down to b1 undoes what needs b1 (the merge and c) and leaves
	// the other branch alone.
	if n, err := r.Downgrade(ctx, conn, "b1"); err != nil || n != 2 {
		t.Fatalf("Downgrade b1 = %d, %v", n, err)
	}
	eq(t, "rows after undoing the merge", versionRows(t, conn), []string{"b1", "b2"})
	if _, err := r.Downgrade(ctx, conn, "a"); err != nil {
		t.Fatal(err)
	}
	eq(t, "rows after downgrade to the branch point", versionRows(t, conn), []string{"a"})
	eq(t, "tables", userTables(t, conn), []string{"t_a"})
}

// TestFailingRevisionLeavesPreviousRevision checks that a revision that
// fails part-way is rolled back entirely, version table included, and that
// the error names the revision, the statement and the SQLSTATE.
func TestFailingRevisionLeavesPreviousRevision(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	bad := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "half done",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				op.CreateTable{Name: "t_b", Columns: []op.Column{{Name: "id", Type: "integer"}}},
				op.AddColumn{Table: "t_a", Column: op.Column{Name: "extra", Type: "text"}},
				op.Execute{SQL: "INSERT INTO no_such_table VALUES (1)"},
			)
		},
	}
	r := newRunner(t, registry(tableRev("a"), bad, tableRev("c", "b")))
	n, err := r.Upgrade(ctx, conn, "head")
	if n != 1 || err == nil {
		t.Fatalf("Upgrade = %d, %v; want 1 applied and an error", n, err)
	}
	var re *migrate.RevisionError
	if !errors.As(err, &re) || re.Step.Revision.ID != "b" || re.Step.Direction != migrate.Up {
		t.Fatalf("error %v is not a RevisionError for upgrading b", err)
	}
	var se *revision.StatementError
	if !errors.As(err, &se) || se.SQL != "INSERT INTO no_such_table VALUES (1)" || se.SQLState() != "42P01" {
		t.Fatalf("error %v does not carry the statement and SQLSTATE 42P01", err)
	}
	for _, part := range []string{"upgrade a -> b, half done failed", `relation "no_such_table" does not exist`, "SQLSTATE 42P01", "statement: INSERT INTO no_such_table VALUES (1)"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error message lacks %q:\n%v", part, err)
		}
	}
	eq(t, "rows", versionRows(t, conn), []string{"a"})
	eq(t, "tables", userTables(t, conn), []string{"t_a"})
	cols := queryStrings(t, conn, "SELECT column_name::text FROM information_schema.columns WHERE table_name = 't_a' ORDER BY 1")
	eq(t, "columns of t_a", cols, []string{"id"})

	// A failing downgrade leaves the database where it was, too.
	pgtest.Exec(t, url, "DROP TABLE t_a")
	n, err = r.Downgrade(ctx, conn, "base")
	if n != 0 || !errors.As(err, &re) || re.Step.Direction != migrate.Down || !strings.Contains(err.Error(), "SQLSTATE 42P01") {
		t.Fatalf("Downgrade = %d, %v; want a RevisionError with SQLSTATE 42P01", n, err)
	}
	eq(t, "rows after the failed downgrade", versionRows(t, conn), []string{"a"})
}

// TestNoTransactionRevision runs CREATE INDEX CONCURRENTLY in a revision
// that does not set NoTransaction, where it runs as a segment of its own,
// and in a non-transactional revision, as before segments existed.
func TestNoTransactionRevision(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t))
	index := op.CreateIndex{Table: "t_a", Name: "t_a_id", Columns: op.Cols("id"), Concurrently: true}
	apply := func(o op.Operation) revision.Func {
		return func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, o) }
	}
	segmented := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "index, transactional", Upgrade: apply(index)}
	r := newRunner(t, registry(tableRev("a"), segmented))
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatalf("a CONCURRENTLY build in a revision without NoTransaction: %v", err)
	}
	eq(t, "rows after the segmented revision", versionRows(t, conn), []string{"b"})
	pgtest.Exec(t, conn.Config().ConnString(), "DROP INDEX t_a_id; DELETE FROM autogen_version; INSERT INTO autogen_version VALUES ('a')")

	rev, _ := index.Reverse()
	right := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "index", NoTransaction: true,
		LockTimeout: 0, StatementTimeout: 0, Upgrade: apply(index), Downgrade: apply(rev)}
	r = newRunner(t, registry(tableRev("a"), right))
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatal(err)
	}
	valid := queryStrings(t, conn, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't_a_id'::regclass")
	eq(t, "index valid", valid, []string{"true"})
	eq(t, "rows", versionRows(t, conn), []string{"b"})
	if _, err := r.Downgrade(ctx, conn, "-1"); err != nil {
		t.Fatal(err)
	}
	eq(t, "index after downgrade", queryStrings(t, conn, "SELECT indexname::text FROM pg_indexes WHERE tablename = 't_a'"), []string{})
}

// TestCustomVersionTable checks WithVersionTable, including a name that
// needs quoting, and that bad names are refused.
func TestCustomVersionTable(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	pgtest.Exec(t, url, `CREATE SCHEMA "Ops"`)
	r := newRunner(t, registry(tableRev("a")), migrate.WithVersionTable("Ops.Schema Versions"))
	eq(t, "version table", r.VersionTable(), op.Name{Schema: "Ops", Name: "Schema Versions"})
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatal(err)
	}
	eq(t, "rows", queryStrings(t, conn, `SELECT version_num FROM "Ops"."Schema Versions"`), []string{"a"})
	if n := queryStrings(t, conn, "SELECT count(*)::text FROM pg_tables WHERE tablename = 'autogen_version'"); n[0] != "0" {
		t.Error("the default version table was created too")
	}
	cur, err := r.Current(ctx, conn)
	eq(t, "current", cur, []string{"a"})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", ".", "a.", ".b", "a.b.c"} {
		if _, err := migrate.New(registry(), migrate.WithVersionTable(bad)); err == nil {
			t.Errorf("WithVersionTable(%q) was accepted", bad)
		}
	}
}

func TestNewRejectsInvalidGraph(t *testing.T) {
	if _, err := migrate.New(registry(tableRev("a"), tableRev("a"))); !errors.Is(err, revision.ErrInvalidGraph) {
		t.Errorf("New with a duplicate id = %v", err)
	}
}
