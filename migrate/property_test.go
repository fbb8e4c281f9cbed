package migrate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/graphgen"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
)

// dbPropertyGraphs is how many random graphs TestRunnerProperties runs on a
// real database; the pure graph logic is checked on many more in package
// revision.
const dbPropertyGraphs = 8

// TestRunnerProperties runs random graphs (merges, branch labels,
// dependencies) through migrate.Runner on a real database. Every body
// records its call in a table, in the revision's own transaction. After
// every step, read from a second connection, the version table must hold
// exactly HeadsOf(applied); in the end, upgrade heads then downgrade base
// must have run every upgrade and every downgrade exactly once, parents and
// dependencies first on the way up and last on the way down.
func TestRunnerProperties(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	watch := connect(t, url)
	if _, err := conn.Exec(ctx, "CREATE TABLE calls (n serial PRIMARY KEY, rev text NOT NULL, dir text NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(dbPropertyGraphs) {
		revs := graphgen.Generate(1000+seed, graphgen.Options{MaxRevisions: 25})
		for _, r := range revs {
			id := r.ID
			r.Upgrade = record(id, "up")
			r.Downgrade = record(id, "down")
		}
		rep := &rowChecker{ctx: ctx, watch: watch, applied: revision.Set{}}
		r := newRunner(t, registry(revs...), migrate.WithReporter(rep))
		rep.graph = r.Graph()
		g := r.Graph()
		if _, err := conn.Exec(ctx, "TRUNCATE calls"); err != nil {
			t.Fatal(err)
		}

		// A few random targets first, so that "heads" starts from a
		// partly applied graph.
		rng := rand.New(rand.NewPCG(seed, 3))
		order := g.Order()
		for range 3 {
			target := order[rng.IntN(len(order))]
			if rng.IntN(2) == 0 {
				_, err := r.Upgrade(ctx, conn, target)
				rep.check(t, seed, "upgrade "+target, err)
			} else if rep.applied[target] {
				_, err := r.Downgrade(ctx, conn, target)
				rep.check(t, seed, "downgrade "+target, err)
			}
		}
		before := clone(rep.applied)
		n, err := r.Upgrade(ctx, conn, "heads")
		rep.check(t, seed, "upgrade heads", err)
		if n != g.Len()-len(before) || len(rep.applied) != g.Len() {
			t.Fatalf("seed %d: upgrade heads applied %d, %d of %d are applied", seed, n, len(rep.applied), g.Len())
		}
		if _, err := r.Downgrade(ctx, conn, "base"); err != nil {
			t.Fatalf("seed %d: downgrade base: %v", seed, err)
		}
		rep.check(t, seed, "downgrade base", nil)
		if len(rep.applied) != 0 {
			t.Fatalf("seed %d: %d revisions still applied after downgrade base", seed, len(rep.applied))
		}

		// The calls table shows what the bodies did, committed together
		// with the version table.
		calls := readCalls(t, conn)
		if err := checkCalls(g, calls); err != nil {
			t.Fatalf("seed %d: %v\ncalls: %v", seed, err, calls)
		}
	}
}

// record returns a body that notes its call in the calls table.
func record(id, dir string) revision.Func {
	return func(ctx context.Context, m *revision.Migration) error {
		return m.Exec(ctx, "INSERT INTO calls (rev, dir) VALUES ($1, $2)", id, dir)
	}
}

type call struct{ rev, dir string }

func readCalls(t *testing.T, conn *pgx.Conn) []call {
	t.Helper()
	rows, err := conn.Query(context.Background(), "SELECT rev, dir FROM calls ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (call, error) {
		var c call
		return c, row.Scan(&c.rev, &c.dir)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkCalls replays the recorded calls: every upgrade needs its parents and
// dependencies applied and itself not; every downgrade needs itself applied
// and nothing applied that needs it. At the end nothing is applied, and
// each revision went up and down the same number of times, at least once
// (the random moves may have moved some twice).
func checkCalls(g *revision.Graph, calls []call) error {
	applied := revision.Set{}
	ups, downs := map[string]int{}, map[string]int{}
	for i, c := range calls {
		switch c.dir {
		case "up":
			if applied[c.rev] {
				return fmt.Errorf("call %d: %s upgraded twice", i, c.rev)
			}
			for a := range g.Ancestors(c.rev) {
				if a != c.rev && !applied[a] {
					return fmt.Errorf("call %d: %s upgraded before %s, which it needs", i, c.rev, a)
				}
			}
			applied[c.rev] = true
			ups[c.rev]++
		case "down":
			if !applied[c.rev] {
				return fmt.Errorf("call %d: %s downgraded but not applied", i, c.rev)
			}
			for d := range g.Descendants(c.rev) {
				if d != c.rev && applied[d] {
					return fmt.Errorf("call %d: %s downgraded while %s, which needs it, is applied", i, c.rev, d)
				}
			}
			delete(applied, c.rev)
			downs[c.rev]++
		}
	}
	if len(applied) != 0 {
		return fmt.Errorf("%d revisions were never downgraded", len(applied))
	}
	for _, id := range g.Order() {
		if ups[id] == 0 || ups[id] != downs[id] {
			return fmt.Errorf("%s went up %d times and down %d times", id, ups[id], downs[id])
		}
	}
	return nil
}

// rowChecker follows the steps as the runner reports them and compares the
// version table, as another session sees it, with HeadsOf(applied).
type rowChecker struct {
	ctx     context.Context
	watch   *pgx.Conn
	graph   *revision.Graph
	applied revision.Set
	err     error
}

func (c *rowChecker) StatementStarted(string)                    {}
func (c *rowChecker) StatementDone(string, time.Duration, error) {}
func (c *rowChecker) StepStarted(migrate.Step)                   {}

func (c *rowChecker) StepDone(s migrate.Step, _ time.Duration, err error) {
	if err != nil || c.err != nil {
		return
	}
	if s.Direction == migrate.Up {
		c.applied[s.Revision.ID] = true
	} else {
		delete(c.applied, s.Revision.ID)
	}
	rows, err := c.watch.Query(c.ctx, "SELECT version_num FROM public.autogen_version")
	if err != nil {
		c.err = err
		return
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		c.err = err
		return
	}
	want := c.graph.HeadsOf(c.applied)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		c.err = fmt.Errorf("after %s %s the version table holds %v, want HeadsOf(applied) = %v", s.Direction, s.Revision.ID, got, want)
	}
}

// check fails the test on the command's error or a row mismatch.
func (c *rowChecker) check(t *testing.T, seed uint64, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("seed %d: %s: %v", seed, what, err)
	}
	if c.err != nil {
		t.Fatalf("seed %d: %s: %v", seed, what, c.err)
	}
}

func clone(s revision.Set) revision.Set {
	out := revision.Set{}
	for id := range s {
		out[id] = true
	}
	return out
}
