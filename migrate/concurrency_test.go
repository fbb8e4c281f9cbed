package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// waitFor polls a condition the server reports until it holds. It is how a
// test waits for another session to reach a state (blocked on a lock): the
// condition is the signal, the pause between polls only spares the CPU.
func waitFor(t *testing.T, conn *pgx.Conn, what, sql string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var ok bool
		if err := conn.QueryRow(context.Background(), sql).Scan(&ok); err != nil {
			t.Errorf("waiting for %s: %v", what, err)
			return
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("gave up waiting for %s", what)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestConcurrentRunnersApplyEachRevisionOnce starts two runners on the same
// database. The first revision waits until the other runner is blocked on
// the advisory lock, so the two really overlap; each revision logs itself,
// and each must be logged exactly once while both runners succeed.
func TestConcurrentRunnersApplyEachRevisionOnce(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	watcher := connect(t, url)

	var once sync.Once
	logRev := func(id string, parents ...string) *revision.Revision {
		return &revision.Revision{ID: id, Revises: parents, Message: "log " + id,
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				if id == "r1" {
					if err := m.Apply(ctx, op.CreateTable{Name: "applied", Columns: []op.Column{{Name: "id", Type: "text"}}}); err != nil {
						return err
					}
					once.Do(func() {
						// The other runner polls for the lock; its session's
						// last statement shows that it has tried.
						waitFor(t, watcher, "the second runner to wait for the lock",
							"SELECT EXISTS (SELECT FROM pg_stat_activity WHERE query LIKE '%pg_try_advisory_lock%' AND pid <> pg_backend_pid() AND pid NOT IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted))")
					})
				}
				return m.Exec(ctx, "INSERT INTO applied VALUES ($1)", id)
			},
		}
	}
	reg := registry(logRev("r1"), logRev("r2", "r1"), logRev("r3", "r2"), logRev("r4", "r3"))

	var wg sync.WaitGroup
	counts := make([]int, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := pgx.Connect(ctx, url)
			if err != nil {
				errs[i] = err
				return
			}
			defer conn.Close(ctx)
			r, err := migrate.New(reg)
			if err != nil {
				errs[i] = err
				return
			}
			counts[i], errs[i] = r.Upgrade(ctx, conn, "head")
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if counts[0]+counts[1] != 4 || (counts[0] != 0 && counts[1] != 0) {
		t.Errorf("the runners applied %v revisions; want 4 and 0", counts)
	}
	got := queryStrings(t, watcher, "SELECT id || ':' || count(*) FROM applied GROUP BY id ORDER BY id")
	eq(t, "applications per revision", got, []string{"r1:1", "r2:1", "r3:1", "r4:1"})
	eq(t, "rows", versionRows(t, watcher), []string{"r4"})
	held := queryStrings(t, watcher, "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory'")
	eq(t, "advisory locks left", held, []string{"0"})
}

// lockReporter counts the failed statements of a revision and calls
// onFail after each.
type lockReporter struct {
	mu       sync.Mutex
	failures int
	onFail   func()
}

func (r *lockReporter) StatementStarted(string) {}
func (r *lockReporter) StatementDone(sql string, took time.Duration, err error) {
	if err == nil {
		return
	}
	r.mu.Lock()
	r.failures++
	r.mu.Unlock()
	if r.onFail != nil {
		r.onFail()
	}
}
func (r *lockReporter) StepStarted(migrate.Step)                    {}
func (r *lockReporter) StepDone(migrate.Step, time.Duration, error) {}

// TestLockTimeoutRetry holds a lock on a table from another session while a
// revision with a lock timeout and retries alters it. The blocking session
// is released from the reporter when the first attempt fails, which makes
// the outcome deterministic: one failure, then success. With the blocker
// kept, every attempt fails and the error carries SQLSTATE 55P03.
func TestLockTimeoutRetry(t *testing.T) {
	ctx := context.Background()
	alter := func(retries int) *revision.Revision {
		return &revision.Revision{ID: "b", Revises: []string{"a"}, Message: "alter held", LockTimeout: 50 * time.Millisecond, LockRetries: retries,
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				return m.Apply(ctx, op.AddColumn{Table: "t_a", Column: op.Column{Name: "extra", Type: "text"}})
			}}
	}
	setup := func(t *testing.T) (*pgx.Conn, pgx.Tx, *pgx.Conn) {
		url := pgtest.NewDB(t)
		conn := connect(t, url)
		if _, err := newRunner(t, registry(tableRev("a"))).Upgrade(ctx, conn, "head"); err != nil {
			t.Fatal(err)
		}
		blocker := connect(t, url)
		tx, err := blocker.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, "LOCK TABLE t_a IN ACCESS SHARE MODE"); err != nil {
			t.Fatal(err)
		}
		return conn, tx, blocker
	}

	for _, tt := range []struct {
		name         string
		retries      int
		release      bool
		wantFailures int
		wantErr      bool
	}{
		{"released after the first attempt", 2, true, 1, false},
		{"held through every retry", 2, false, 3, true},
		{"no retries", 0, false, 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conn, tx, _ := setup(t)
			rep := &lockReporter{}
			if tt.release {
				var once sync.Once
				rep.onFail = func() {
					once.Do(func() {
						if err := tx.Commit(ctx); err != nil {
							t.Error(err)
						}
					})
				}
			}
			r := newRunner(t, registry(tableRev("a"), alter(tt.retries)), migrate.WithReporter(rep))
			n, err := r.Upgrade(ctx, conn, "head")
			if rep.failures != tt.wantFailures {
				t.Errorf("%d failed attempts, want %d", rep.failures, tt.wantFailures)
			}
			if !tt.wantErr {
				if err != nil || n != 1 {
					t.Fatalf("Upgrade = %d, %v", n, err)
				}
				eq(t, "rows", versionRows(t, conn), []string{"b"})
				return
			}
			var se *revision.StatementError
			if !errors.As(err, &se) || se.SQLState() != "55P03" {
				t.Fatalf("Upgrade = %d, %v; want a lock timeout (55P03)", n, err)
			}
			eq(t, "rows", versionRows(t, conn), []string{"a"})
			if err := tx.Rollback(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestSettingsDoNotLeak checks that a revision's lock and statement
// timeouts apply to it alone: SET LOCAL in a transaction, reset after a
// non-transactional one.
func TestSettingsDoNotLeak(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t))
	var seen []string
	show := func(ctx context.Context, m *revision.Migration) error {
		var lt, st string
		if err := m.QueryRow(ctx, "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')").Scan(&lt, &st); err != nil {
			return err
		}
		seen = append(seen, lt+"/"+st)
		return nil
	}
	reg := registry(
		&revision.Revision{ID: "a", Message: "tx", LockTimeout: 1500 * time.Millisecond, StatementTimeout: 3 * time.Second, Upgrade: show},
		&revision.Revision{ID: "b", Revises: []string{"a"}, Message: "plain", Upgrade: show},
		&revision.Revision{ID: "c", Revises: []string{"b"}, Message: "notx", NoTransaction: true, LockTimeout: 2 * time.Second, Upgrade: show},
		&revision.Revision{ID: "d", Revises: []string{"c"}, Message: "plain again", Upgrade: show},
	)
	if _, err := newRunner(t, reg).Upgrade(ctx, conn, "head"); err != nil {
		t.Fatal(err)
	}
	eq(t, "settings seen by each revision", seen, []string{"1500ms/3s", "0/0", "2s/0", "0/0"})
	for _, name := range []string{"lock_timeout", "statement_timeout"} {
		if v := queryStrings(t, conn, fmt.Sprintf("SELECT current_setting('%s')", name)); v[0] != "0" {
			t.Errorf("%s after the upgrade = %s", name, v[0])
		}
	}
}
