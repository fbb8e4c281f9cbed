package migrate

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// querier is the part of pgx.Conn and pgx.Tx the version table needs.
type querier = revision.Executor

func (r *Runner) createTableSQL() string {
	return "CREATE TABLE IF NOT EXISTS " + r.table.SQL() + " (version_num character varying(32) NOT NULL, CONSTRAINT " +
		op.QuoteIdent(r.table.Name+"_pkc") + " PRIMARY KEY (version_num))"
}

// rows reads the version table; a missing table means nothing is applied.
func (r *Runner) rows(ctx context.Context, q querier) ([]string, error) {
	var exists bool
	if err := q.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", r.table.SQL()).Scan(&exists); err != nil {
		return nil, fmt.Errorf("checking the version table: %w", err)
	}
	if !exists {
		return nil, nil
	}
	rows, err := q.Query(ctx, "SELECT version_num FROM "+r.table.SQL()+" ORDER BY version_num")
	if err != nil {
		return nil, fmt.Errorf("reading the version table: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading the version table: %w", err)
	}
	return ids, nil
}

// applied turns version-table rows into the set of applied revisions.
func (r *Runner) applied(ids []string) (revision.Set, error) {
	var unknown []string
	for _, id := range ids {
		if r.graph.Revision(id) == nil {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		return nil, &UnknownRevisionsError{IDs: unknown}
	}
	return r.graph.Ancestors(ids...), nil
}

// rowChanges returns the statements that turn the version table's rows for
// one applied set into those for another.
func (r *Runner) rowChanges(before, after revision.Set) []string {
	old, now := r.graph.HeadsOf(before), r.graph.HeadsOf(after)
	var out []string
	for _, id := range old {
		if !slices.Contains(now, id) {
			out = append(out, "DELETE FROM "+r.table.SQL()+" WHERE version_num = "+op.QuoteLiteral(id))
		}
	}
	for _, id := range now {
		if !slices.Contains(old, id) {
			out = append(out, "INSERT INTO "+r.table.SQL()+" (version_num) VALUES ("+op.QuoteLiteral(id)+")")
		}
	}
	return out
}

// lockKey derives the advisory lock key from the version table's name, so
// that runners for different version tables do not wait for each other.
func (r *Runner) lockKey() int64 {
	h := fnv.New64a()
	h.Write([]byte("autogen:" + r.table.SQL()))
	return int64(h.Sum64())
}

// Polling for the migration lock starts at lockPollMin and backs off to
// lockPollMax.
const (
	lockPollMin = 10 * time.Millisecond
	lockPollMax = 500 * time.Millisecond
)

// withLock runs fn while holding the runner's session-level advisory lock
// on conn.
//
// The lock is polled with pg_try_advisory_lock rather than waited for with
// pg_advisory_lock: a session blocked in pg_advisory_lock is inside a
// statement, and CREATE INDEX CONCURRENTLY in the session that holds the
// lock waits for every such statement to end, a deadlock PostgreSQL
// resolves by failing one of them. Between polls the waiting session is
// idle, which a concurrent build does not wait for.
func (r *Runner) withLock(ctx context.Context, conn *pgx.Conn, fn func() error) (err error) {
	pause := lockPollMin
	start := time.Now()
	for {
		var got bool
		if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", r.lockKey()).Scan(&got); err != nil {
			return fmt.Errorf("taking the migration lock: %w", err)
		}
		if got {
			break
		}
		if r.lockWait > 0 && time.Since(start) >= r.lockWait {
			return &LockTimeoutError{Table: r.table.SQL(), Waited: r.lockWait}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the migration lock: %w", ctx.Err())
		case <-time.After(pause):
		}
		pause = min(2*pause, lockPollMax)
	}
	defer func() {
		// A cancelled context must not keep the lock: unlock on a fresh one.
		if _, uerr := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", r.lockKey()); uerr != nil && err == nil {
			err = fmt.Errorf("releasing the migration lock: %w", uerr)
		}
	}()
	return fn()
}

// ErrLockTimeout is returned when another session held the migration lock
// for longer than the runner waits (a fleet's LockTimeout).
var ErrLockTimeout = errors.New("the migration lock is held by another session")

// LockTimeoutError reports a migration lock that was not free in time.
type LockTimeoutError struct {
	// Table is the version table whose lock was awaited.
	Table  string
	Waited time.Duration
}

// Error says which lock and for how long.
func (e *LockTimeoutError) Error() string {
	return fmt.Sprintf("another session held the migration lock of %s for %s; is another migration running?", e.Table, e.Waited)
}

// Unwrap makes the error match ErrLockTimeout.
func (e *LockTimeoutError) Unwrap() error { return ErrLockTimeout }

// Current returns the version table's rows: the applied heads, in
// topological order when they are known revisions.
func (r *Runner) Current(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	ids, err := r.rows(ctx, conn)
	if err != nil {
		return nil, err
	}
	if _, err := r.applied(ids); err != nil {
		return ids, err
	}
	return r.graph.HeadsOf(r.graph.Ancestors(ids...)), nil
}

// Status summarises a database's position, for health checks and metrics.
type Status struct {
	// Current lists the applied heads (the version table's rows).
	Current []string
	// Heads lists the heads of the revision graph.
	Heads []string
	// Pending counts the revisions not yet applied.
	Pending int
	// AtHead is true when every head is applied and nothing else is
	// pending.
	AtHead bool
}

// Status reports where the database stands.
func (r *Runner) Status(ctx context.Context, conn *pgx.Conn) (Status, error) {
	ids, err := r.rows(ctx, conn)
	if err != nil {
		return Status{}, err
	}
	applied, err := r.applied(ids)
	if err != nil {
		return Status{Current: ids, Heads: r.graph.Heads()}, err
	}
	pending := r.graph.Len() - len(applied)
	return Status{
		Current: r.graph.HeadsOf(applied),
		Heads:   r.graph.Heads(),
		Pending: pending,
		AtHead:  pending == 0,
	}, nil
}
