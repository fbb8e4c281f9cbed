package migrate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// segmentsRegistry holds three revisions, the second mixing transactional
// and non-transactional segments: an enum value added, committed and used;
// a column; an index built concurrently; a NOT NULL through a check added
// NOT VALID, committed, then validated. Its downgrade drops the NOT NULL,
// drops the index concurrently, and recreates the enum without the value.
func segmentsRegistry() *revision.Registry {
	s1 := &revision.Revision{ID: "s1", Message: "items",
		Upgrade: apply(
			op.CreateEnum{Name: "state", Values: []string{"new", "paid"}},
			op.CreateTable{Name: "items", Columns: []op.Column{{Name: "id", Type: "bigint", PrimaryKey: true}, {Name: "note", Type: "text"},
				{Name: "state", Type: "state", NotNull: true, Default: "'new'::state"}}},
			op.Execute{SQL: "INSERT INTO items (id, note) SELECT i, 'n' || i FROM generate_series(1, 3000) i"},
		),
		Downgrade: apply(op.DropTable{Name: "items"}, op.DropType{Name: "state"}),
	}
	s2 := &revision.Revision{ID: "s2", Revises: []string{"s1"}, Message: "mixed",
		Upgrade: apply(
			op.AddEnumValue{Type: "state", Value: "shipped", After: "paid"},
			op.Commit{Reason: "enum value shipped is used below"},
			op.AlterColumn{Table: "items", Column: "state", SetDefault: "'shipped'::state"},
			op.AddColumn{Table: "items", Column: op.Column{Name: "code", Type: "text", Default: "'c'"}},
			op.CreateIndex{Table: "items", Name: "items_code", Columns: op.Cols("code"), Concurrently: true, IfNotExists: true},
			op.AddConstraint{Table: "items", Constraint: op.Check{Name: "note_not_null_autogen", Expr: "note IS NOT NULL", NotValid: true}},
			op.Commit{Reason: "validate without holding the lock that adding the constraint took"},
			op.ValidateConstraint{Table: "items", Name: "note_not_null_autogen"},
			op.AlterColumn{Table: "items", Column: "note", SetNotNull: true},
			op.DropConstraint{Table: "items", Name: "note_not_null_autogen"},
			op.Execute{SQL: "SELECT pg_sleep(0.01)"},
		),
		Downgrade: apply(
			op.AlterColumn{Table: "items", Column: "note", DropNotNull: true},
			op.DropIndex{Name: "items_code", Concurrently: true, IfExists: true},
			op.DropColumn{Table: "items", Column: "code"},
			op.AlterColumn{Table: "items", Column: "state", DropDefault: true},
			op.RenameType{Name: "state", NewName: "state__autogen_old"},
			op.CreateEnum{Name: "state", Values: []string{"new", "paid"}},
			op.AlterColumn{Table: "items", Column: "state", Type: "state", Using: "state::text::state"},
			op.AlterColumn{Table: "items", Column: "state", SetDefault: "'new'::state"},
			op.DropType{Name: "state__autogen_old"},
		),
	}
	s3 := &revision.Revision{ID: "s3", Revises: []string{"s2"}, Message: "log",
		Upgrade:   apply(op.CreateTable{Name: "log", Columns: []op.Column{{Name: "id", Type: "integer"}}}),
		Downgrade: apply(op.DropTable{Name: "log"}),
	}
	return registry(s1, s2, s3)
}

// runSegmentsHelper is the runner process of the segment fault test: it
// upgrades to head, cancelling on SIGINT as the runner's command line
// does, and prints "stmt N" before each statement.
func runSegmentsHelper() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg, err := pgx.ParseConfig(os.Getenv(helperURL))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	cfg.RuntimeParams["application_name"] = helperApp
	migrate.ConfigureCancel(cfg)
	conn, err := pgx.ConnectConfig(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer conn.Close(context.Background())
	r, err := migrate.New(segmentsRegistry(), migrate.WithReporter(&lineReporter{}))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// position is where the version table says the database is: the applied
// heads, and the revision stopped between segments with how many
// completed.
func position(t *testing.T, conn *pgx.Conn) string {
	t.Helper()
	rows := queryStrings(t, conn, `SELECT version_num::text || coalesce(' partial ' || (to_jsonb(v) -> 'partial' ->> 'direction') || ' ' ||
		(to_jsonb(v) -> 'partial' ->> 'done'), '') FROM autogen_version AS v ORDER BY 1`)
	if len(rows) == 0 {
		return "base"
	}
	return strings.Join(rows, ",")
}

// boundaryRecorder takes the fingerprint at each segment boundary of a
// reference run: a segment's notice comes before it starts, when the
// previous one has committed.
type boundaryRecorder struct {
	noticeReporter
	step migrate.Step
	at   map[string][]string
}

func (b *boundaryRecorder) StepStarted(s migrate.Step) { b.step = s }

// TestKilledOrInterruptedSegmentsLeaveABoundary runs the upgrade from base
// to head in a separate process and stops it 50 times at random points,
// with SIGKILL or SIGINT. After each stop the database must be at a
// revision or at the recorded end of a segment: its schema is exactly the
// one a reference run had there (a concurrent index build that ran
// outside a transaction may also have left its index, valid or not, which
// running the segment again rebuilds). Half the time the next stop
// interrupts the resumed run; otherwise the next upgrade must reach head,
// and downgrading to base must leave the schema of the empty database.
func TestKilledOrInterruptedSegmentsLeaveABoundary(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	ref := &boundaryRecorder{at: map[string][]string{}}
	r := newRunner(t, segmentsRegistry(), migrate.WithReporter(ref), migrate.WithAllowDestructive())
	fp := func() []string {
		f, err := r.Fingerprint(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	ref.at["base"] = fp()
	// A second connection takes the fingerprints at segment boundaries
	// while the reference run waits in its notice.
	probe := connect(t, url)
	ref.onNotice = func(msg string) {
		n, ok := strings.CutPrefix(msg, "segment ")
		if !ok || ref.step.Direction != migrate.Up || ref.step.Revision.ID != "s2" {
			return
		}
		k, err := strconv.Atoi(n[:strings.IndexByte(n, ' ')])
		if err != nil || k < 2 {
			return
		}
		f, err := r.Fingerprint(ctx, probe)
		if err != nil {
			t.Error(err)
			return
		}
		// The version table holds s1's row and s2's partial record.
		ref.at[fmt.Sprintf("s1,s2 partial upgrade %d", k-1)] = f
	}
	for _, id := range []string{"s1", "s2", "s3"} {
		if _, err := r.Upgrade(ctx, conn, id); err != nil {
			t.Fatal(err)
		}
		ref.at[id] = fp()
	}
	if _, err := r.Downgrade(ctx, conn, "base"); err != nil {
		t.Fatal(err)
	}
	if d := migrate.FingerprintDiff(ref.at["base"], fp()); len(d) > 0 {
		t.Fatalf("the reference downgrade does not restore base:\n%s", strings.Join(d, "\n"))
	}
	if len(ref.at) != 8 {
		t.Fatalf("the reference run recorded %d positions, want 8 (base, 3 revisions, 4 boundaries inside s2): %v", len(ref.at), keys(ref.at))
	}

	rng := rand.New(rand.NewPCG(11, 12))
	const stops = 50
	outcomes := map[string]int{}
	for i := range stops {
		point := rng.IntN(16)
		delay := time.Duration(rng.IntN(3000)) * time.Microsecond
		sig := os.Signal(syscall.SIGKILL)
		if rng.IntN(2) == 0 {
			sig = os.Interrupt
		}
		stopRunner(t, url, point, delay, sig)
		waitForHelperGone(t, conn)

		pos := position(t, conn)
		want, ok := ref.at[pos]
		if !ok {
			t.Fatalf("stop %d (%v at statement %d +%s): the version table says %q, which no run passes through", i+1, sig, point, delay, pos)
		}
		got := fp()
		if d := migrate.FingerprintDiff(want, got); len(d) > 0 && !onlyIndex(d, "items_code") {
			t.Fatalf("stop %d (%v at statement %d +%s): at %s the schema differs from the reference:\n%s", i+1, sig, point, delay, pos, strings.Join(d, "\n"))
		}
		outcomes[pos]++
		outcomes[fmt.Sprint(sig)]++
		if rng.IntN(2) == 0 && i < stops-1 {
			continue
		}
		if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
			t.Fatalf("stop %d: the next upgrade failed: %v", i+1, err)
		}
		if d := migrate.FingerprintDiff(ref.at["s3"], fp()); len(d) > 0 {
			t.Fatalf("stop %d: the next upgrade did not reach head:\n%s", i+1, strings.Join(d, "\n"))
		}
		if _, err := r.Downgrade(ctx, conn, "base"); err != nil {
			t.Fatalf("stop %d: downgrade to base: %v", i+1, err)
		}
		if d := migrate.FingerprintDiff(ref.at["base"], fp()); len(d) > 0 {
			t.Fatalf("stop %d: downgrade to base left:\n%s", i+1, strings.Join(d, "\n"))
		}
	}
	t.Logf("%d stops: %v", stops, outcomes)
	partial := 0
	for k, n := range outcomes {
		if strings.Contains(k, "partial") {
			partial += n
		}
	}
	if partial == 0 || outcomes["interrupt"] == 0 || outcomes["killed"] == 0 {
		t.Errorf("the stops never left a revision between segments, or one kind of signal was never sent: %v", outcomes)
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// onlyIndex reports whether every line of a fingerprint difference is
// about the index of that name, valid or not.
func onlyIndex(diff []string, name string) bool {
	for _, l := range diff {
		if !strings.Contains(l, "INDEX "+name+" ON") {
			return false
		}
	}
	return true
}

// stopRunner starts the segments helper and sends it sig once it has
// printed "stmt point" (at once for 0), plus delay.
func stopRunner(t *testing.T, url string, point int, delay time.Duration, sig os.Signal) {
	t.Helper()
	var until func(string) bool
	if point > 0 {
		until = func(line string) bool { return line == fmt.Sprintf("stmt %d", point) }
	}
	_, stderr, err := signalRunner(t, "segments", url, until, delay, sig)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 2 {
		t.Fatalf("the runner could not start: %s", stderr)
	}
}
