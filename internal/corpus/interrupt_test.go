package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/migrate"
)

// TestInterruptedUpgradeLeavesTheStart interrupts the upgrade of every
// hostile pair whose a.sql holds rows (the rewrites of tables, partition
// trees and columns with their rows among them) at each of its statements,
// as Ctrl-C would: half of the time as the statement starts, otherwise a
// moment into it. After each interruption the database must be where it
// started: no revision recorded, the same schema (the runtime's
// fingerprint, which PostgreSQL renders) and the same rows in every table;
// or, when the interruption lands as the revision commits, the revision
// recorded and the database at b.sql. Then an upgrade that is not
// interrupted must reach b.sql exactly (pg_dump).
func TestInterruptedUpgradeLeavesTheStart(t *testing.T) {
	entries, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	expected := readKnown(t, hostileKnown)
	var cases []Case
	for _, e := range entries {
		name := e.Name()
		src, err := os.ReadFile(filepath.Join(hostileDir, name, "a.sql"))
		if !e.IsDir() || err != nil || !strings.Contains(strings.ToUpper(string(src)), "INSERT") || expected[name] != "" {
			continue
		}
		if *only == "" || strings.Contains(name, *only) {
			cases = append(cases, Case{Name: name, Dir: filepath.Join(hostileDir, name)})
		}
	}
	if *only == "" && len(cases) < 20 {
		t.Fatalf("only %d hostile pairs hold rows", len(cases))
	}
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	r := &Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper, ColumnOrder: migrate.ColumnOrderExact}
	statements := 0
	for _, res := range runAll(cases, 3, func(ctx context.Context, c Case, id string) Result {
		n, err := r.interrupt(ctx, c, id)
		res := Result{Case: c, Status: "PASS"}
		if err != nil {
			res.Status, res.Detail = "FAIL", err.Error()
		}
		res.Detail = fmt.Sprint(n) + "\n" + res.Detail
		return res
	}) {
		count, detail, _ := strings.Cut(res.Detail, "\n")
		if !res.Passed() {
			t.Errorf("%s: %s", res.Case.Name, indent(detail))
		}
		var n int
		fmt.Sscan(count, &n)
		statements += n
	}
	t.Logf("%d pairs, interrupted at each of %d statements in all", len(cases), statements)
}

// interrupt runs one pair: it interrupts the upgrade at each statement,
// checks the database after each, and returns how many statements the
// upgrade has.
func (r *Harness) interrupt(ctx context.Context, c Case, id string) (int, error) {
	db, err := r.setup(ctx, c, "intr", id)
	defer db.cleanup()
	if err != nil {
		return 0, fmt.Errorf("setup: %w", err)
	}
	conn := db.conn
	cmp, _, status, err := r.compare(ctx, c, conn, &scope.Filter{VersionTable: VersionTable})
	if err != nil {
		return 0, fmt.Errorf("%s: %w", status, err)
	}
	stmts, err := cmp.UpPlan.SQL()
	if err != nil {
		return 0, err
	}
	reg := caseRegistry(c, cmp)
	plain, err := migrate.New(reg, migrate.WithVersionTable(VersionTable))
	if err != nil {
		return 0, err
	}
	start, err := plain.Fingerprint(ctx, conn)
	if err != nil {
		return 0, err
	}
	rows, err := rowDigest(ctx, conn)
	if err != nil {
		return 0, err
	}
	for k := 1; k <= len(stmts); k++ {
		stop := &stopAt{at: int64(k), delay: time.Duration(k%2) * time.Millisecond}
		run, err := migrate.New(reg, migrate.WithVersionTable(VersionTable), migrate.WithReporter(stop))
		if err != nil {
			return 0, err
		}
		runCtx, cancel := context.WithCancel(ctx)
		stop.cancel = cancel
		_, upErr := run.Upgrade(runCtx, conn, "head")
		cancel()
		if upErr == nil && stop.fired.Load() {
			// The last statement finished before the interruption landed:
			// the revision is applied, which is a boundary too; the pair
			// is done.
			return len(stmts), r.upgraded(ctx, conn, db.wantUp)
		}
		if upErr == nil {
			return 0, fmt.Errorf("statement %d was never reached (the plan has %d)", k, len(stmts))
		}
		// The interrupted session may be gone (pgx closes a session whose
		// query it could not cancel cleanly); a new one looks then.
		if conn.IsClosed() || conn.Ping(ctx) != nil {
			conn.Close(ctx)
			if conn, err = pgx.Connect(ctx, db.url); err != nil {
				return 0, err
			}
			db.conn = conn
		}
		// An interruption that lands as the revision commits may find it
		// committed: the other boundary, which must be b.sql's.
		if cur, err := plain.Current(ctx, conn); err != nil {
			return 0, err
		} else if len(cur) > 0 {
			return len(stmts), r.upgraded(ctx, conn, db.wantUp)
		}
		if got, err := plain.Fingerprint(ctx, conn); err != nil {
			return 0, err
		} else if !slices.Equal(got, start) {
			return 0, fmt.Errorf("interrupted at statement %d (%s), the schema is not the start's:\n%s", k, firstLine(stmts[k-1]), LineDiff(strings.Join(start, "\n")+"\n", strings.Join(got, "\n")+"\n"))
		}
		if got, err := rowDigest(ctx, conn); err != nil {
			return 0, err
		} else if got != rows {
			return 0, fmt.Errorf("interrupted at statement %d (%s), the rows changed:\n%s", k, firstLine(stmts[k-1]), LineDiff(rows, got))
		}
	}
	if _, err := plain.Upgrade(ctx, conn, "head"); err != nil {
		return 0, fmt.Errorf("the upgrade after the interruptions: %w", err)
	}
	return len(stmts), r.upgraded(ctx, conn, db.wantUp)
}

// upgraded checks that the database dumps as b.sql does.
func (r *Harness) upgraded(ctx context.Context, conn *pgx.Conn, want string) error {
	got, err := r.Dumper.DumpConn(ctx, conn)
	if err != nil {
		return err
	}
	if why := Compare(want, got); why != "" {
		return fmt.Errorf("after the upgrade (%s):\n%s", why, LineDiff(want, got))
	}
	return nil
}

// rowDigest returns one line per table of the database with a digest of
// its rows, in a fixed order. The version table, which the runner creates
// on its own before the revision's transaction, is left out: Current
// tells what it records.
func rowDigest(ctx context.Context, conn *pgx.Conn) (string, error) {
	rows, _ := conn.Query(ctx, `SELECT format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
		  AND c.oid IS DISTINCT FROM pg_catalog.to_regclass($1)
		ORDER BY 1`, VersionTable)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, tbl := range tables {
		var digest string
		q := "SELECT pg_catalog.md5(coalesce(pg_catalog.string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ONLY " + tbl + " t"
		if err := conn.QueryRow(ctx, q).Scan(&digest); err != nil {
			return "", fmt.Errorf("%s: %w", tbl, err)
		}
		fmt.Fprintf(&b, "%s %s\n", tbl, digest)
	}
	return b.String(), nil
}

// stopAt is a reporter that cancels the run as its at-th statement
// starts, or delay later.
type stopAt struct {
	at     int64
	delay  time.Duration
	n      atomic.Int64
	fired  atomic.Bool
	cancel context.CancelFunc
}

func (s *stopAt) StatementStarted(string) {
	if s.n.Add(1) != s.at {
		return
	}
	s.fired.Store(true)
	if s.delay == 0 {
		s.cancel()
		return
	}
	time.AfterFunc(s.delay, s.cancel)
}

func (s *stopAt) StatementDone(string, time.Duration, error)  {}
func (s *stopAt) StepStarted(migrate.Step)                    {}
func (s *stopAt) StepDone(migrate.Step, time.Duration, error) {}
