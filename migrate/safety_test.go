package migrate_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// apply returns a body that applies ops.
func apply(ops ...op.Operation) revision.Func {
	return func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, ops...) }
}

// noticeReporter keeps the notices a runner gives.
type noticeReporter struct {
	mu      sync.Mutex
	notices []string
	// onNotice, when set, runs for each notice, in the runner's goroutine.
	onNotice func(msg string)
}

func (r *noticeReporter) StatementStarted(string)                     {}
func (r *noticeReporter) StatementDone(string, time.Duration, error)  {}
func (r *noticeReporter) StepStarted(migrate.Step)                    {}
func (r *noticeReporter) StepDone(migrate.Step, time.Duration, error) {}
func (r *noticeReporter) all() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.notices, "\n")
}
func (r *noticeReporter) Notice(msg string) {
	r.mu.Lock()
	r.notices = append(r.notices, msg)
	r.mu.Unlock()
	if r.onNotice != nil {
		r.onNotice(msg)
	}
}

// startAt returns a new database upgraded to revision id of reg, a
// connection to it, the runner, and the schema's fingerprint there.
func startAt(t *testing.T, reg *revision.Registry, id string) (string, *pgx.Conn, *migrate.Runner, []string) {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	r := newRunner(t, reg)
	if _, err := r.Upgrade(ctx, conn, id); err != nil {
		t.Fatal(err)
	}
	fp, err := r.Fingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	return url, conn, r, fp
}

// dataLoss returns the DataLossError in err, failing the test without one.
func dataLoss(t *testing.T, err error) *migrate.DataLossError {
	t.Helper()
	var dl *migrate.DataLossError
	if !errors.As(err, &dl) {
		t.Fatalf("error %v is not a refusal of the data guard", err)
	}
	return dl
}

// TestDataGuardRefusesDropsOfDataAddedSinceTheRevisionWasWritten is the
// first scenario of issue 11: a revision written while a table and a
// column were empty drops them, unacknowledged; rows arrive before it
// runs. The upgrade must refuse, name the revision, the operations and an
// example of what would be lost, and leave everything as it was. The same
// for a downgrade that drops a table holding rows, and for a drop of a
// column renamed earlier in the same revision, whose probe can run only
// right before it. With WithAllowDestructive, or when nothing would be
// lost, the revision runs.
func TestDataGuardRefusesDropsOfDataAddedSinceTheRevisionWasWritten(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	base := &revision.Revision{ID: "a", Message: "orders",
		Upgrade: apply(
			op.CreateTable{Name: "orders", Columns: []op.Column{{Name: "id", Type: "bigint"}, {Name: "legacy", Type: "text"}, {Name: "old_note", Type: "text"}}},
			op.CreateTable{Name: "audit", Columns: []op.Column{{Name: "id", Type: "bigint"}, {Name: "what", Type: "text"}}},
		),
		Downgrade: apply(op.DropTable{Name: "audit"}, op.DropTable{Name: "orders"})}
	drops := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "drop legacy",
		Upgrade: apply(
			op.DropColumn{Table: "orders", Column: "legacy"},
			op.DropTable{Name: "audit"},
			op.RenameColumn{Table: "orders", Column: "old_note", NewName: "note"},
			op.DropColumn{Table: "orders", Column: "note"},
		)}
	r := newRunner(t, registry(base, drops))
	if _, err := r.Upgrade(ctx, conn, "a"); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, "INSERT INTO orders VALUES (1, 'old', NULL); INSERT INTO audit VALUES (7, 'created')")

	_, err := r.Upgrade(ctx, conn, "head")
	dl := dataLoss(t, err)
	if dl.Step.Revision.ID != "b" || len(dl.Losses) != 2 {
		t.Fatalf("refusal of %s with %d losses, want b with 2: %v", dl.Step.Revision.ID, len(dl.Losses), err)
	}
	for _, want := range []string{"refusing to run upgrade a -> b, drop legacy", "operation 1 (op.DropColumn): drops column orders.legacy and its data; for example: old",
		`operation 2 (op.DropTable): drops table audit and its rows; for example: {"id":7,"what":"created"}`, "--allow-destructive"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal lacks %q:\n%v", want, err)
		}
	}
	eq(t, "rows after the refusal", versionRows(t, conn), []string{"a"})
	eq(t, "orders after the refusal", queryStrings(t, conn, "SELECT legacy FROM orders"), []string{"old"})
	eq(t, "audit after the refusal", queryStrings(t, conn, "SELECT what FROM audit"), []string{"created"})

	// The renamed column's probe runs right before its drop, inside the
	// revision's transaction: with the other drops empty, it alone refuses.
	pgtest.Exec(t, url, "UPDATE orders SET legacy = NULL, old_note = 'keep me'; DELETE FROM audit")
	_, err = r.Upgrade(ctx, conn, "head")
	dl = dataLoss(t, err)
	if len(dl.Losses) != 1 || !strings.Contains(dl.Losses[0].String(), "drops column orders.note and its data; for example: keep me") {
		t.Fatalf("losses %v, want the renamed column's", dl.Losses)
	}
	eq(t, "columns after the late refusal", queryStrings(t, conn, "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'orders' ORDER BY 1"),
		[]string{"id", "legacy", "old_note"})

	// Nothing to lose: it runs.
	pgtest.Exec(t, url, "UPDATE orders SET old_note = NULL")
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatalf("upgrade with nothing to lose: %v", err)
	}
	eq(t, "rows", versionRows(t, conn), []string{"b"})

	// A downgrade that drops tables holding rows is refused too.
	url = pgtest.NewDB(t)
	conn = connect(t, url)
	r2 := newRunner(t, registry(base))
	if _, err := r2.Upgrade(ctx, conn, "a"); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, "INSERT INTO orders VALUES (1, NULL, NULL)")
	_, err = r2.Downgrade(ctx, conn, "base")
	dl = dataLoss(t, err)
	if dl.Step.Direction != migrate.Down || !strings.Contains(err.Error(), `drops table orders and its rows; for example: {"id":1,"legacy":null,"old_note":null}`) {
		t.Fatalf("downgrade refusal: %v", err)
	}
	eq(t, "rows after the refused downgrade", versionRows(t, conn), []string{"a"})
	r3 := newRunner(t, registry(base), migrate.WithAllowDestructive())
	if _, err := r3.Downgrade(ctx, conn, "base"); err != nil {
		t.Fatalf("downgrade with WithAllowDestructive: %v", err)
	}
	eq(t, "tables after the allowed downgrade", userTables(t, conn), []string{})
}

// TestDataGuardRefusesLossyTypeChanges is the second scenario: type changes
// that round, truncate or drop part of each value run only when no value
// would change, or when acknowledged; a change that keeps every value runs.
func TestDataGuardRefusesLossyTypeChanges(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	base := &revision.Revision{ID: "a", Message: "measures",
		Upgrade: apply(op.CreateTable{Name: "m", Columns: []op.Column{
			{Name: "id", Type: "integer"}, {Name: "amount", Type: "numeric(10,3)"}, {Name: "at", Type: "timestamp with time zone"}, {Name: "ratio", Type: "double precision"}}})}
	narrow := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "narrow",
		Upgrade: apply(
			op.AlterColumn{Table: "m", Column: "amount", Type: "numeric(10,1)", FromType: "numeric(10,3)"},
			op.AlterColumn{Table: "m", Column: "at", Type: "date", FromType: "timestamp with time zone"},
			op.AlterColumn{Table: "m", Column: "ratio", Type: "integer", FromType: "double precision"},
		)}
	r := newRunner(t, registry(base, narrow))
	if _, err := r.Upgrade(ctx, conn, "a"); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, "SET TimeZone = 'UTC'; INSERT INTO m VALUES (1, 12.345, '2024-05-06 07:08:09+00', 2.7)")
	_, err := r.Upgrade(ctx, conn, "head")
	dl := dataLoss(t, err)
	if len(dl.Losses) != 3 {
		t.Fatalf("%d losses, want 3: %v", len(dl.Losses), err)
	}
	for _, want := range []string{"rounds values to 1 decimal place; for example: 12.345 becomes 12.3",
		"drops the time of day; for example: 2024-05-06", "rounds fractions to whole numbers; for example: 2.7 becomes 3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal lacks %q:\n%v", want, err)
		}
	}
	eq(t, "values after the refusal", queryStrings(t, conn, "SELECT amount::text || ' ' || ratio::text FROM m"), []string{"12.345 2.7"})

	// Values the changes keep: they run.
	pgtest.Exec(t, url, "UPDATE m SET amount = 12.3, at = date_trunc('day', at), ratio = 3")
	rep := &noticeReporter{}
	r = newRunner(t, registry(base, narrow), migrate.WithReporter(rep))
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatalf("upgrade keeping every value: %v", err)
	}
	eq(t, "values after the upgrade", queryStrings(t, conn, "SELECT amount::text || ' ' || ratio::text FROM m"), []string{"12.3 3"})
	// The guard said it had to read the whole table to be sure, and the
	// conversion of a timestamp with time zone named the session's zone.
	for _, want := range []string{"checking for values of m.amount", "reads the whole table", "converts times in the session time zone"} {
		if !strings.Contains(rep.all(), want) {
			t.Errorf("notices lack %q:\n%s", want, rep.all())
		}
	}
}

// enumRegistry is the third scenario's revision as autogen writes it now:
// removing an enum value a default uses recreates the type in one
// transaction, and the downgrade adds the value back, commits, and uses it.
func enumRegistry() *revision.Registry {
	base := &revision.Revision{ID: "a", Message: "orders",
		Upgrade: apply(
			op.CreateEnum{Name: "state", Values: []string{"new", "old", "done"}},
			op.CreateTable{Name: "orders", Columns: []op.Column{{Name: "id", Type: "integer"}, {Name: "s", Type: "state", Default: "'old'::state"}}},
		),
		Downgrade: apply(op.DropTable{Name: "orders"}, op.DropType{Name: "state"}),
	}
	remove := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "drop old",
		Upgrade: apply(
			op.AlterColumn{Table: "orders", Column: "s", DropDefault: true},
			op.RenameType{Name: "state", NewName: "state__autogen_old"},
			op.CreateEnum{Name: "state", Values: []string{"new", "done"}},
			op.AlterColumn{Table: "orders", Column: "s", Type: "state", Using: "s::text::state"},
			op.AlterColumn{Table: "orders", Column: "s", SetDefault: "'new'::state"},
			op.DropType{Name: "state__autogen_old"},
		),
		Downgrade: apply(
			op.AddEnumValue{Type: "state", Value: "old", After: "new"},
			op.Commit{Reason: "enum value old is used below"},
			op.AlterColumn{Table: "orders", Column: "s", DropDefault: true},
			op.AlterColumn{Table: "orders", Column: "s", SetDefault: "'old'::state"},
		),
	}
	return registry(base, remove)
}

// TestEnumValueRemovalRunsInOneTransaction is the third scenario: the
// upgrade fails on a row that still holds the removed value, and leaves
// the database exactly at the previous revision (no state__autogen_old,
// the default in place), so that running it again after fixing the row
// succeeds; the downgrade, which adds the value back and uses it, runs in
// two segments.
func TestEnumValueRemovalRunsInOneTransaction(t *testing.T) {
	ctx := context.Background()
	url, conn, r, before := startAt(t, enumRegistry(), "a")
	pgtest.Exec(t, url, "INSERT INTO orders (id) VALUES (1)") // s = 'old'
	_, err := r.Upgrade(ctx, conn, "head")
	var re *migrate.RevisionError
	if !errors.As(err, &re) || re.Partial != nil || !strings.Contains(err.Error(), `invalid input value for enum state: "old"`) {
		t.Fatalf("upgrade with a row holding the removed value = %v, want a RevisionError with nothing left", err)
	}
	after, err := r.Fingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if d := migrate.FingerprintDiff(before, after); len(d) > 0 {
		t.Fatalf("the failed upgrade changed the schema:\n%s", strings.Join(d, "\n"))
	}
	eq(t, "rows after the failure", versionRows(t, conn), []string{"a"})

	pgtest.Exec(t, url, "UPDATE orders SET s = 'new'")
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatalf("upgrade after fixing the row: %v", err)
	}
	if _, err := r.Downgrade(ctx, conn, "a"); err != nil {
		t.Fatalf("downgrade that adds the value back and uses it: %v", err)
	}
	eq(t, "default after the downgrade", queryStrings(t, conn, "SELECT column_default::text FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 's'"),
		[]string{"'old'::state"})
}

// onlineRegistry holds a revision in four segments, as `--online` writes
// them: a column added in a transaction, an index built concurrently, a
// NOT NULL check added NOT VALID and committed, then validated and turned
// into SET NOT NULL.
func onlineRegistry() *revision.Registry {
	base := &revision.Revision{ID: "a", Message: "items",
		Upgrade:   apply(op.CreateTable{Name: "items", Columns: []op.Column{{Name: "id", Type: "integer"}, {Name: "note", Type: "text"}}}),
		Downgrade: apply(op.DropTable{Name: "items"}),
	}
	online := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "online",
		Upgrade: apply(
			op.AddColumn{Table: "items", Column: op.Column{Name: "code", Type: "text"}},
			op.CreateIndex{Table: "items", Name: "items_code", Columns: op.Cols("code"), Concurrently: true, IfNotExists: true},
			op.AddConstraint{Table: "items", Constraint: op.Check{Name: "note_not_null_autogen", Expr: "note IS NOT NULL", NotValid: true}},
			op.Commit{Reason: "validate without holding the lock that adding the constraint took"},
			op.ValidateConstraint{Table: "items", Name: "note_not_null_autogen"},
			op.AlterColumn{Table: "items", Column: "note", SetNotNull: true},
			op.DropConstraint{Table: "items", Name: "note_not_null_autogen"},
		),
		Downgrade: apply(
			op.AlterColumn{Table: "items", Column: "note", DropNotNull: true},
			op.DropIndex{Name: "items_code", Concurrently: true, IfExists: true},
			op.DropColumn{Table: "items", Column: "code"},
		),
	}
	return registry(base, online)
}

// TestOnlineRevisionStopsAtASegmentBoundary is the third scenario's online
// half: a NOT NULL validation fails on a NULL. The revision stops at the
// end of its third segment, recorded in the version table; running it
// again fails the same way (not on "already exists"); fixing the row and
// upgrading resumes it; and downgrading from the stopped state undoes the
// completed segments, leaving the schema of the previous revision.
func TestOnlineRevisionStopsAtASegmentBoundary(t *testing.T) {
	ctx := context.Background()
	url, conn, r, atA := startAt(t, onlineRegistry(), "a")
	pgtest.Exec(t, url, "INSERT INTO items VALUES (1, NULL)")
	for attempt := range 2 {
		_, err := r.Upgrade(ctx, conn, "head")
		var re *migrate.RevisionError
		if !errors.As(err, &re) || re.Partial == nil || re.Partial.Done != 3 || re.Partial.Total != 4 {
			t.Fatalf("attempt %d: upgrade = %v, want a RevisionError stopped after 3 of 4 segments", attempt+1, err)
		}
		if !strings.Contains(err.Error(), "b stopped after 3 of 4 segments of its upgrade. `autogen upgrade` runs the rest") {
			t.Errorf("attempt %d: the error does not say where the revision stopped:\n%v", attempt+1, err)
		}
		st, err := r.Status(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		if st.Partial == nil || st.Partial.Revision != "b" || st.AtHead || !slicesEqual(st.Current, []string{"a"}) {
			t.Fatalf("attempt %d: status %+v", attempt+1, st)
		}
	}
	// Undo the completed segments.
	if n, err := r.Downgrade(ctx, conn, "a"); err != nil || n != 1 {
		t.Fatalf("downgrade from the stopped revision = %d, %v", n, err)
	}
	now, err := r.Fingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if d := migrate.FingerprintDiff(atA, now); len(d) > 0 {
		t.Fatalf("undoing the stopped revision does not restore a:\n%s", strings.Join(d, "\n"))
	}
	eq(t, "rows after the undo", versionRows(t, conn), []string{"a"})

	// Stop it again, fix the row, resume.
	if _, err := r.Upgrade(ctx, conn, "head"); err == nil {
		t.Fatal("the upgrade succeeded with a NULL note")
	}
	pgtest.Exec(t, url, "UPDATE items SET note = 'x'")
	rep := &noticeReporter{}
	r = newRunner(t, onlineRegistry(), migrate.WithReporter(rep))
	if n, err := r.Upgrade(ctx, conn, "head"); err != nil || n != 1 {
		t.Fatalf("resumed upgrade = %d, %v", n, err)
	}
	if all := rep.all(); strings.Contains(all, "segment 1 of") || !strings.Contains(all, "segment 4 of 4, in a transaction: 3 operations") {
		t.Errorf("the resumed upgrade did not start at segment 4:\n%s", all)
	}
	eq(t, "rows at head", versionRows(t, conn), []string{"b"})
	eq(t, "note not null", queryStrings(t, conn, "SELECT is_nullable::text FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'note'"), []string{"NO"})
	eq(t, "constraints left", queryStrings(t, conn, "SELECT conname::text FROM pg_constraint WHERE conrelid = 'items'::regclass"), []string{})
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// TestResumeRefusesAChangedRevision: a revision file whose completed
// segments changed since the run that stopped is not resumed.
func TestResumeRefusesAChangedRevision(t *testing.T) {
	ctx := context.Background()
	url, conn, r, _ := startAt(t, onlineRegistry(), "a")
	pgtest.Exec(t, url, "INSERT INTO items VALUES (1, NULL)")
	if _, err := r.Upgrade(ctx, conn, "head"); err == nil {
		t.Fatal("the upgrade succeeded with a NULL note")
	}
	reg := onlineRegistry()
	changed := reg.Revisions()[1]
	changed.Upgrade = apply(
		op.AddColumn{Table: "items", Column: op.Column{Name: "code", Type: "varchar(10)"}},
		op.ValidateConstraint{Table: "items", Name: "note_not_null_autogen"},
	)
	_, err := newRunner(t, reg).Upgrade(ctx, conn, "head")
	if err == nil || !strings.Contains(err.Error(), "have changed since; restore the file as it was") {
		t.Fatalf("resuming a changed revision = %v", err)
	}
}

// TestUpgradeUndoesAStoppedDowngrade: a downgrade that stopped between
// segments leaves its revision applied, with a record of how far it got;
// upgrade undoes the completed downgrade segments and clears the record.
func TestUpgradeUndoesAStoppedDowngrade(t *testing.T) {
	ctx := context.Background()
	base := &revision.Revision{ID: "a", Message: "t",
		Upgrade: apply(op.CreateTable{Name: "t", Columns: []op.Column{{Name: "id", Type: "integer"}}})}
	b := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "b",
		Upgrade: apply(op.AddColumn{Table: "t", Column: op.Column{Name: "x", Type: "integer"}}),
		Downgrade: apply(
			op.CreateTable{Name: "scratch", Columns: []op.Column{{Name: "id", Type: "integer"}}},
			op.Commit{Reason: "keep the scratch table"},
			op.Execute{SQL: "SELECT 1 / (SELECT count(*) FROM t)::integer"},
			op.DropColumn{Table: "t", Column: "x"},
		)}
	url, conn, r, atB := startAt(t, registry(base, b), "b")
	_, err := r.Downgrade(ctx, conn, "a")
	var re *migrate.RevisionError
	if !errors.As(err, &re) || re.Partial == nil || re.Partial.Direction != migrate.Down || re.Partial.Done != 1 {
		t.Fatalf("downgrade = %v, want one stopped after its first segment", err)
	}
	if cur, _ := r.Current(ctx, conn); !slicesEqual(cur, []string{"b"}) {
		t.Errorf("current during the stopped downgrade = %v, want b", cur)
	}
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatalf("upgrade undoing the stopped downgrade: %v", err)
	}
	st, err := r.Status(ctx, conn)
	if err != nil || st.Partial != nil || !st.AtHead {
		t.Fatalf("status after the undo = %+v, %v", st, err)
	}
	fp, err := r.Fingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if d := migrate.FingerprintDiff(atB, fp); len(d) > 0 {
		t.Errorf("undoing the stopped downgrade does not restore b:\n%s", strings.Join(d, "\n"))
	}
	// With a row in t, the downgrade runs through: its first segment
	// makes the scratch table again, as it did before being undone.
	pgtest.Exec(t, url, "INSERT INTO t VALUES (1, NULL)")
	if _, err := r.Downgrade(ctx, conn, "a"); err != nil {
		t.Fatalf("downgrade after the undo: %v", err)
	}
	eq(t, "tables after the downgrade", userTables(t, conn), []string{"scratch", "t"})
}

// TestDowngradeRefusesToGuessAnInverse: completed segments holding an
// operation without an exact inverse cannot be undone; the error says so
// and what to do, and nothing runs.
func TestDowngradeRefusesToGuessAnInverse(t *testing.T) {
	ctx := context.Background()
	base := &revision.Revision{ID: "a", Message: "t",
		Upgrade: apply(op.CreateTable{Name: "t", Columns: []op.Column{{Name: "id", Type: "integer"}, {Name: "old", Type: "text"}}})}
	b := &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "b", AllowHazards: []op.HazardKind{op.DeletesData},
		Upgrade: apply(
			op.DropColumn{Table: "t", Column: "old"},
			op.Commit{Reason: "r"},
			op.Execute{SQL: "SELECT 1 / 0"},
		)}
	_, conn, r, _ := startAt(t, registry(base, b), "a")
	if _, err := r.Upgrade(ctx, conn, "head"); err == nil {
		t.Fatal("the upgrade divided by zero")
	}
	_, err := r.Downgrade(ctx, conn, "a")
	if err == nil || !strings.Contains(err.Error(), "cannot undo b stopped after 1 of 2 segments of its upgrade: op.DropColumn has no exact inverse; finish it with `autogen upgrade`") {
		t.Fatalf("downgrade = %v", err)
	}
	if st, _ := r.Status(ctx, conn); st.Partial == nil || st.Partial.Done != 1 {
		t.Errorf("the refused undo changed the record: %+v", st)
	}
}
