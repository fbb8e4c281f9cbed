package migrate_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
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

// The fault tests run the runner as a separate process (this test binary,
// started again with helperEnv set) so that it can be killed with SIGKILL
// at any point, as a deploy that is cut off would be.

// helperEnv makes the test binary act as a runner: it upgrades the
// database named by helperURL to head with faultRegistry, printing a line
// for each statement it starts.
const (
	helperEnv = "AUTOGEN_FAULT_HELPER"
	helperURL = "AUTOGEN_FAULT_URL"
	// helperApp is the application_name of the helper's session, by which
	// the test waits for the server to have ended it.
	helperApp = "autogen-fault-helper"
)

// runHelper is called from TestMain when helperEnv is set.
func runHelper() int {
	if os.Getenv(helperEnv) == "segments" {
		return runSegmentsHelper()
	}
	ctx := context.Background()
	cfg, err := pgx.ParseConfig(os.Getenv(helperURL))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	cfg.RuntimeParams["application_name"] = helperApp
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer conn.Close(ctx)
	reg := faultRegistry()
	if os.Getenv(helperEnv) == "concurrent" {
		reg = concurrentRegistry()
	}
	r, err := migrate.New(reg, migrate.WithReporter(&lineReporter{}))
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

// lineReporter prints "stmt N" before each statement and "done ID" after
// each revision, unbuffered, for the test to time its kill.
type lineReporter struct{ n int }

func (r *lineReporter) StatementStarted(string) {
	r.n++
	fmt.Fprintf(os.Stdout, "stmt %d\n", r.n)
}
func (r *lineReporter) StatementDone(string, time.Duration, error) {}
func (r *lineReporter) StepStarted(migrate.Step)                   {}
func (r *lineReporter) StepDone(s migrate.Step, _ time.Duration, err error) {
	if err == nil {
		fmt.Fprintf(os.Stdout, "done %s\n", s.Revision.ID)
	}
}

// faultRegistry holds a base revision with 5,000 rows, and a revision of
// eight statements that changes both schema and data: a new column with a
// default, an update of every row, an index, a new table filled from the
// first, a type change that rewrites the table, a pause and a comment.
func faultRegistry() *revision.Registry {
	base := &revision.Revision{ID: "f1", Message: "accounts",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				op.CreateTable{Name: "accounts", Columns: []op.Column{{Name: "id", Type: "bigint", PrimaryKey: true}, {Name: "balance", Type: "numeric(12,2)", NotNull: true}}},
				op.Execute{SQL: "INSERT INTO accounts SELECT i, i FROM generate_series(1, 5000) i"},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropTable{Name: "accounts"})
		},
	}
	change := &revision.Revision{ID: "f2", Revises: []string{"f1"}, Message: "ledger",
		// The downgrade drops the ledger and the note it made.
		AllowHazards: []op.HazardKind{op.DeletesData},
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				op.AddColumn{Table: "accounts", Column: op.Column{Name: "note", Type: "text", Default: "'x'"}},
				op.Execute{SQL: "UPDATE accounts SET balance = balance + 1"},
				op.CreateIndex{Table: "accounts", Name: "accounts_balance", Columns: op.Cols("balance")},
				op.CreateTable{Name: "ledger", Columns: []op.Column{{Name: "id", Type: "bigint", PrimaryKey: true}, {Name: "amount", Type: "numeric"}}},
				op.Execute{SQL: "INSERT INTO ledger SELECT id, balance FROM accounts"},
				op.AlterColumn{Table: "accounts", Column: "balance", Type: "numeric(20,2)"},
				op.Execute{SQL: "SELECT pg_sleep(0.02)"},
				op.Comment{On: "TABLE", Name: "ledger", Text: "one row per account"},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				op.DropTable{Name: "ledger"},
				op.DropIndex{Name: "accounts_balance"},
				op.DropColumn{Table: "accounts", Column: "note"},
				op.AlterColumn{Table: "accounts", Column: "balance", Type: "numeric(12,2)"},
				op.Execute{SQL: "UPDATE accounts SET balance = balance - 1"},
			)
		},
	}
	return registry(base, change)
}

// state is what the test compares after a kill: the version table, the
// schema fingerprint and a digest of the data.
type state struct {
	versions    []string
	fingerprint []string
	data        string
}

func readState(t *testing.T, conn *pgx.Conn, r *migrate.Runner) state {
	t.Helper()
	ctx := context.Background()
	fp, err := r.Fingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	var data, ledger string
	if err := conn.QueryRow(ctx, "SELECT count(*) || ' ' || sum(balance) FROM accounts").Scan(&data); err != nil {
		t.Fatal(err)
	}
	var hasLedger bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass('ledger') IS NOT NULL").Scan(&hasLedger); err != nil {
		t.Fatal(err)
	}
	if hasLedger {
		if err := conn.QueryRow(ctx, "SELECT count(*) || ' ' || coalesce(sum(amount), 0) FROM ledger").Scan(&ledger); err != nil {
			t.Fatal(err)
		}
		data += " ledger " + ledger
	}
	return state{versions: versionRows(t, conn), fingerprint: fp, data: data}
}

func (s state) equal(o state) bool {
	return slices.Equal(s.versions, o.versions) && slices.Equal(s.fingerprint, o.fingerprint) && s.data == o.data
}

// waitForHelperGone waits until the server has ended the killed runner's
// session: only then is its transaction rolled back (or committed, if the
// COMMIT was sent) and its advisory lock released.
func waitForHelperGone(t *testing.T, conn *pgx.Conn) {
	t.Helper()
	waitFor(t, conn, "the killed runner's session to end",
		"SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE application_name = '"+helperApp+"')")
}

// TestKilledRunnerLeavesPreviousOrNextRevision kills the runner with
// SIGKILL 50 times at chosen points of the eight-statement revision: after
// it announced statement k (k from 0, before anything ran, to 8) with a
// random extra delay, or after the revision committed. After each kill the
// database must be exactly at f1 or exactly at f2 (version table, schema
// fingerprint and data), never in between, and the next upgrade must
// finish the job. The kill points come from a fixed seed; the assertion
// holds wherever the kill lands.
func TestKilledRunnerLeavesPreviousOrNextRevision(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	r := newRunner(t, faultRegistry())

	if _, err := r.Upgrade(ctx, conn, "f1"); err != nil {
		t.Fatal(err)
	}
	before := readState(t, conn, r)
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		t.Fatal(err)
	}
	after := readState(t, conn, r)
	if _, err := r.Downgrade(ctx, conn, "f1"); err != nil {
		t.Fatal(err)
	}
	if s := readState(t, conn, r); !s.equal(before) {
		t.Fatalf("the downgrade does not restore f1:\n%+v\nwant\n%+v", s, before)
	}

	rng := rand.New(rand.NewPCG(1, 2))
	const kills = 50
	outcomes := map[string]int{}
	for i := range kills {
		// Points 1..8 are "stmt k" lines (k = 1 is the first statement
		// of f2 after the version-table reads); 9 is "done f2"; 0 kills
		// as soon as the process starts.
		point := rng.IntN(10)
		delay := time.Duration(rng.IntN(3000)) * time.Microsecond
		finished := killRunner(t, url, point, delay)

		waitForHelperGone(t, conn)
		s := readState(t, conn, r)
		switch {
		case s.equal(before):
			outcomes["at f1"]++
		case s.equal(after):
			outcomes["at f2"]++
		default:
			t.Fatalf("kill %d (point %d, +%s): the database is neither at f1 nor at f2:\n%+v", i+1, point, delay, s)
		}
		if finished {
			outcomes["runner finished first"]++
		}
		if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
			t.Fatalf("kill %d: the next upgrade failed: %v", i+1, err)
		}
		if s := readState(t, conn, r); !s.equal(after) {
			t.Fatalf("kill %d: the next upgrade did not reach f2: %+v", i+1, s)
		}
		if _, err := r.Downgrade(ctx, conn, "f1"); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d kills: %v", kills, outcomes)
	// Both outcomes must occur, or the kills did not land where intended.
	if outcomes["at f1"] == 0 || outcomes["at f2"] == 0 {
		t.Errorf("the kills never left the database at one of the revisions: %v", outcomes)
	}
}

// killRunner starts the helper and kills it once it has printed the
// point-th line (any line but "done" for points up to 8, "done f2" for 9),
// plus delay. It reports whether the helper exited on its own first.
func killRunner(t *testing.T, url string, point int, delay time.Duration) bool {
	t.Helper()
	// The version table is read by the runner itself, not through the
	// reporter, so the "stmt" lines are exactly the statements of f2.
	var until func(string) bool
	if point > 0 {
		until = func(line string) bool {
			return point == 9 && line == "done f2" || point < 9 && line == fmt.Sprintf("stmt %d", point)
		}
	}
	finished, stderr, err := signalRunner(t, "kill", url, until, delay, os.Kill)
	if finished && err != nil {
		// The point was never reached and the helper still failed.
		t.Fatalf("the runner failed: %v\n%s", err, stderr)
	}
	return finished
}

// signalRunner starts the helper of the given kind on url and sends it sig
// once it has printed a line until accepts (at once when until is nil),
// plus delay. It returns whether the helper exited before that line, its
// standard error and how it exited.
func signalRunner(t *testing.T, kind, url string, until func(line string) bool, delay time.Duration, sig os.Signal) (finished bool, stderr string, err error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+kind, helperURL+"="+url)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errs strings.Builder
	cmd.Stderr = &errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	finished = until != nil
	for until != nil && lines.Scan() {
		if until(lines.Text()) {
			finished = false
			break
		}
	}
	time.Sleep(delay)
	_ = cmd.Process.Signal(sig)
	// Drain the pipe so Wait returns; the exit status is the signal's or,
	// when the helper finished first, its own.
	go func() {
		for lines.Scan() {
		}
	}()
	err = cmd.Wait()
	return finished, errs.String(), err
}

// concurrentRegistry holds three revisions whose bodies record each run in
// a table, the second non-transactional.
func concurrentRegistry() *revision.Registry {
	logged := func(id string, parents []string, noTx bool, ops ...op.Operation) *revision.Revision {
		return &revision.Revision{ID: id, Revises: parents, Message: "run " + id, NoTransaction: noTx,
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				if err := m.Apply(ctx, ops...); err != nil {
					return err
				}
				return m.Apply(ctx, op.Execute{SQL: "INSERT INTO runs (revision, pid) VALUES ('" + id + "', pg_backend_pid())"})
			}}
	}
	return registry(
		logged("c1", nil, false, op.CreateTable{Name: "runs", Columns: []op.Column{{Name: "revision", Type: "text"}, {Name: "pid", Type: "integer"}}},
			op.CreateTable{Name: "items", Columns: []op.Column{{Name: "id", Type: "bigint"}}}, op.Execute{SQL: "SELECT pg_sleep(0.05)"}),
		logged("c2", []string{"c1"}, true, op.CreateIndex{Table: "items", Name: "items_id", Columns: op.Cols("id"), Concurrently: true}),
		logged("c3", []string{"c2"}, false, op.AddColumn{Table: "items", Column: op.Column{Name: "name", Type: "text"}}),
	)
}

// TestTenRunnersAtOnce starts ten runner processes on one fresh database
// at the same moment. The advisory lock must serialize them: every runner
// exits 0, each revision runs exactly once (its body logs the run), and
// the version table ends at the head.
func TestTenRunnersAtOnce(t *testing.T) {
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	const runners = 10
	var wg sync.WaitGroup
	errs := make([]error, runners)
	outputs := make([][]byte, runners)
	start := make(chan struct{})
	for i := range runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), helperEnv+"=concurrent", helperURL+"="+url)
			<-start
			outputs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("runner %d: %v\n%s", i, err, outputs[i])
		}
	}
	got := queryStrings(t, conn, "SELECT revision || ':' || count(*) FROM runs GROUP BY revision ORDER BY revision")
	eq(t, "runs per revision", got, []string{"c1:1", "c2:1", "c3:1"})
	eq(t, "version rows", versionRows(t, conn), []string{"c3"})
	// The runs were spread over the runners that got the lock first; all
	// the others found nothing to do.
	applied := 0
	for _, out := range outputs {
		applied += strings.Count(string(out), "done ")
	}
	if applied != 3 {
		t.Errorf("the runners reported %d applied revisions, want 3", applied)
	}
	held := queryStrings(t, conn, "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory'")
	eq(t, "advisory locks left", held, []string{"0"})
}
