// Package bench holds benchmarks that span packages; bench/run.sh runs
// them with the others.
package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// Fleet benchmark sizes, from the fleet issue: 100 databases brought from
// base to head through 10 small revisions.
const (
	fleetDatabases = 100
	fleetRevisions = 10
)

// revisionSQL is revision i's one statement.
func revisionSQL(i int) (up, down string) {
	if i == 0 {
		return "CREATE TABLE items (id bigint PRIMARY KEY)", "DROP TABLE items"
	}
	return fmt.Sprintf("ALTER TABLE items ADD COLUMN c%d integer", i), fmt.Sprintf("ALTER TABLE items DROP COLUMN c%d", i)
}

func smallRevisions() *revision.Registry {
	reg := revision.NewRegistry()
	for i := range fleetRevisions {
		up, down := revisionSQL(i)
		rev := &revision.Revision{ID: fmt.Sprintf("r%02d", i), Message: fmt.Sprintf("step %d", i),
			Upgrade:   func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, op.Execute{SQL: up}) },
			Downgrade: func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, op.Execute{SQL: down}) },
		}
		if i > 0 {
			rev.Revises = []string{fmt.Sprintf("r%02d", i-1)}
		}
		reg.Add(rev)
	}
	return reg
}

// fleet holds the benchmark's databases, created once per process.
var fleet struct {
	sync.Mutex
	targets []migrate.Target
}

// fleetDBs returns the benchmark's databases, creating them on first use.
func fleetDBs(b *testing.B) []migrate.Target {
	b.Helper()
	fleet.Lock()
	defer fleet.Unlock()
	if fleet.targets != nil {
		return fleet.targets
	}
	admin := pgtest.AdminURL(b)
	ctx := context.Background()
	for i := range fleetDatabases {
		name := fmt.Sprintf("bench_fleet_%03d", i)
		if err := tempdb.DropDatabase(ctx, admin, name); err != nil {
			b.Fatal(err)
		}
		if err := tempdb.CreateDatabase(ctx, admin, name); err != nil {
			b.Fatal(err)
		}
		t, err := migrate.NewTarget(pgtest.WithDatabase(admin, name))
		if err != nil {
			b.Fatal(err)
		}
		fleet.targets = append(fleet.targets, t)
	}
	return fleet.targets
}

// timing measures each target's time from its turn to its end and the
// time its revisions' statements ran, to tell autogen's own cost apart.
type timing struct {
	mu      sync.Mutex
	started map[string]time.Time
	total   time.Duration
	sql     time.Duration
}

func (t *timing) TargetStarted(tg migrate.Target) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.started[tg.Name] = time.Now()
}

func (t *timing) TargetDone(tg migrate.Target, _ []migrate.TargetResult) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.total += time.Since(t.started[tg.Name])
}

// statements sums the duration of every statement a revision ran.
type statements struct {
	t *timing
}

func (s statements) StatementStarted(string) {}
func (s statements) StatementDone(_ string, took time.Duration, _ error) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	s.t.sql += took
}
func (s statements) StepStarted(migrate.Step)                    {}
func (s statements) StepDone(migrate.Step, time.Duration, error) {}

// queryCounter counts the queries of the connections it traces, the
// round trips that do not depend on the machine's load.
type queryCounter struct{ n atomic.Int64 }

func (q *queryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	q.n.Add(1)
	return ctx
}

func (q *queryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// BenchmarkFleet brings 100 databases from base to head through 10
// one-statement revisions with 1, 4 and 8 jobs. Besides the time per
// rollout it reports, per target, the time from its turn to its end
// (connecting included) and the part of it autogen spends beyond the
// revisions' own statements: the connection, the migration lock, the
// version table and the transactions, which is what a fleet costs over
// running the SQL.
func BenchmarkFleet(b *testing.B) {
	targets := fleetDBs(b)
	r, err := migrate.New(smallRevisions())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, jobs := range []int{1, 4, 8} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			var total, sql time.Duration
			var queries queryCounter
			for b.Loop() {
				b.StopTimer()
				if _, err := r.DowngradeFleet(ctx, targets, "base", migrate.FleetOptions{Jobs: 8}); err != nil {
					b.Fatal(err)
				}
				t := &timing{started: map[string]time.Time{}}
				opts := migrate.FleetOptions{Jobs: jobs, Reporter: t,
					StepReporter: func(migrate.Target, string) migrate.Reporter { return statements{t} }}
				opts.Connect = func(ctx context.Context, tg migrate.Target) (*pgx.Conn, error) {
					cfg, err := pgx.ParseConfig(tg.URL)
					if err != nil {
						return nil, err
					}
					opts.Configure(cfg)
					cfg.Tracer = &queries
					return pgx.ConnectConfig(ctx, cfg)
				}
				b.StartTimer()
				rep, err := r.UpgradeFleet(ctx, targets, "head", opts)
				if err != nil {
					b.Fatal(err)
				}
				if n := rep.Count(migrate.TargetDone); n != fleetDatabases {
					b.Fatalf("%d targets upgraded", n)
				}
				total += t.total
				sql += t.sql
			}
			per := float64(fleetDatabases * b.N)
			b.ReportMetric(float64(total.Microseconds())/1000/per, "ms/target")
			b.ReportMetric(float64((total-sql).Microseconds())/1000/per, "overhead-ms/target")
			b.ReportMetric(float64(queries.n.Load())/per, "queries/target")
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/rollout")
		})
	}
}

// BenchmarkHandLoop is the baseline: the loop a team writes by hand to
// apply the same 10 revisions to 100 databases, one at a time, each in a
// transaction with a version number, without a lock or a report.
func BenchmarkHandLoop(b *testing.B) {
	targets := fleetDBs(b)
	ctx := context.Background()
	r, err := migrate.New(smallRevisions())
	if err != nil {
		b.Fatal(err)
	}
	var queries queryCounter
	for b.Loop() {
		b.StopTimer()
		if _, err := r.DowngradeFleet(ctx, targets, "base", migrate.FleetOptions{Jobs: 8}); err != nil {
			b.Fatal(err)
		}
		for _, t := range targets {
			if err := pgtest.ExecContext(ctx, t.URL, "DROP TABLE IF EXISTS hand_version, items; CREATE TABLE hand_version (v int)"); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		for _, t := range targets {
			cfg, err := pgx.ParseConfig(t.URL)
			if err != nil {
				b.Fatal(err)
			}
			cfg.Tracer = &queries
			conn, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				b.Fatal(err)
			}
			for i := range fleetRevisions {
				up, _ := revisionSQL(i)
				err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
					if _, err := tx.Exec(ctx, up); err != nil {
						return err
					}
					_, err := tx.Exec(ctx, "UPDATE hand_version SET v = $1", i)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			conn.Close(ctx)
		}
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)*1000/fleetDatabases, "ms/target")
	b.ReportMetric(float64(queries.n.Load())/float64(b.N*fleetDatabases), "queries/target")
}

// BenchmarkRoundTrip measures, for reading the fleet's figures on a given
// machine, one query's round trip on an open connection and one connection
// opened and closed: a fleet target's time is about its queries times the
// first plus the second.
func BenchmarkRoundTrip(b *testing.B) {
	targets := fleetDBs(b)
	ctx := context.Background()
	b.Run("query", func(b *testing.B) {
		conn, err := pgx.Connect(ctx, targets[0].URL)
		if err != nil {
			b.Fatal(err)
		}
		defer conn.Close(ctx)
		for b.Loop() {
			if _, err := conn.Exec(ctx, "SELECT 1"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("connect", func(b *testing.B) {
		for b.Loop() {
			conn, err := pgx.Connect(ctx, targets[0].URL)
			if err != nil {
				b.Fatal(err)
			}
			conn.Close(ctx)
		}
	})
}
