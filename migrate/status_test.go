package migrate_test

import (
	"context"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// TestStatusBranches checks Status on a graph with two branches, as a
// health check reads it: the applied heads, the graph's heads, how many
// revisions are pending and whether the database is at head.
func TestStatusBranches(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t))
	r := newRunner(t, registry(tableRev("a"), tableRev("b", "a"), tableRev("c", "a"), tableRev("d", "c")))

	if _, err := r.Upgrade(ctx, conn, "b"); err != nil {
		t.Fatal(err)
	}
	st, err := r.Status(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "status with one branch applied", st, migrate.Status{Current: []string{"b"}, Heads: []string{"b", "d"}, Pending: 2})

	if _, err := r.Upgrade(ctx, conn, "c"); err != nil {
		t.Fatal(err)
	}
	st, err = r.Status(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "status with both branches partly applied", st, migrate.Status{Current: []string{"b", "c"}, Heads: []string{"b", "d"}, Pending: 1})

	if _, err := r.Upgrade(ctx, conn, "heads"); err != nil {
		t.Fatal(err)
	}
	st, err = r.Status(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "status at heads", st, migrate.Status{Current: []string{"b", "d"}, Heads: []string{"b", "d"}, AtHead: true})
}

// TestStatusDuringUpgrade checks that Status answers at once while another
// runner is in the middle of a revision: a health check must not wait for
// the migration lock. It reports the position before the running revision,
// whose transaction has not committed.
func TestStatusDuringUpgrade(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	slow := &revision.Revision{ID: "s", Revises: []string{"a"}, Message: "slow",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.Execute{SQL: "SELECT pg_sleep(1.5)"})
		}}
	reg := registry(tableRev("a"), slow)
	migrating := connect(t, url)
	r := newRunner(t, reg)
	if _, err := r.Upgrade(ctx, migrating, "a"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := r.Upgrade(ctx, migrating, "head")
		done <- err
	}()
	// Wait until the slow statement runs.
	watcher := connect(t, url)
	for deadline := time.Now().Add(5 * time.Second); ; {
		var n int
		if err := watcher.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(1.5)%'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the slow revision never started")
		}
		time.Sleep(20 * time.Millisecond)
	}

	st, err := newRunner(t, reg).Status(ctx, watcher)
	if err != nil {
		t.Fatal(err)
	}
	finished := false
	select {
	case err := <-done:
		finished = true
		t.Errorf("Status returned only after the upgrade finished (%v): it waited for the migration", err)
	default:
	}
	eq(t, "status during the upgrade", st, migrate.Status{Current: []string{"a"}, Heads: []string{"s"}, Pending: 1})
	if !finished {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	st, err = r.Status(ctx, watcher)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "status after the upgrade", st, migrate.Status{Current: []string{"s"}, Heads: []string{"s"}, AtHead: true})
}
