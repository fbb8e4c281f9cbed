package migrate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// Upgrade applies the revisions needed to reach target ("head", "heads", a
// revision, "+N", ...) and returns how many it applied. A revision an
// earlier run left between two segments (Status.Partial) is finished
// first when the target needs it; one left part way down is restored.
func (r *Runner) Upgrade(ctx context.Context, conn *pgx.Conn, target string) (int, error) {
	return r.move(ctx, conn, Up, target)
}

// Downgrade undoes revisions until the database is at target ("base", a
// revision, "-N", ...) and returns how many it undid. A revision an earlier
// run left part way up counts as applied: its completed segments are
// undone; one left part way down is finished.
func (r *Runner) Downgrade(ctx context.Context, conn *pgx.Conn, target string) (int, error) {
	return r.move(ctx, conn, Down, target)
}

func (r *Runner) move(ctx context.Context, conn *pgx.Conn, dir Direction, target string) (n int, err error) {
	err = r.withLock(ctx, conn, func() error {
		st, err := r.rows(ctx, conn)
		if err != nil {
			return err
		}
		applied, err := r.applied(st)
		if err != nil {
			return err
		}
		// A revision stopped between segments is pending for an upgrade
		// and applied for a downgrade: either command reaches it, and its
		// step finishes or undoes what is done.
		planned := applied.Clone()
		if p := st.partial; p != nil {
			if dir == Up {
				delete(planned, p.Revision)
			} else {
				planned[p.Revision] = true
			}
		}
		var plan []string
		if dir == Up {
			plan, err = r.graph.UpgradePlan(planned, target)
		} else {
			plan, err = r.graph.DowngradePlan(planned, target)
		}
		if err != nil {
			return err
		}
		// The version table is created on first use: a database nothing
		// was ever applied to carries no trace of autogen.
		if dir == Up && len(plan) > 0 && !st.exists {
			if err := r.createTable(ctx, conn); err != nil {
				return err
			}
		}
		for i, id := range plan {
			step := Step{Direction: dir, Revision: r.graph.Revision(id), Down: r.graph.DownRevisions(id), Index: i + 1, Total: len(plan)}
			next := step.next(applied)
			var partial *Partial
			if st.partial != nil && st.partial.Revision == id {
				partial = st.partial
			}
			if err := r.runStep(ctx, conn, step, applied, next, partial); err != nil {
				return err
			}
			applied = next
			n++
		}
		return nil
	})
	return n, err
}

// next returns the applied set after the step.
func (s Step) next(applied revision.Set) revision.Set {
	out := applied.Clone()
	if s.Direction == Up {
		out[s.Revision.ID] = true
	} else {
		delete(out, s.Revision.ID)
	}
	return out
}

func (s Step) body() revision.Func {
	if s.Direction == Down {
		return s.Revision.Downgrade
	}
	return s.Revision.Upgrade
}

// lockNotAvailable is the SQLSTATE of a lock_timeout expiry.
const lockNotAvailable = "55P03"

// lockTimedOut reports whether err is a lock_timeout expiry.
func lockTimedOut(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == lockNotAvailable
}

// retryPause waits before retry attempt+1 of a transaction that failed on
// a lock timeout, so the blocking transaction can finish.
func retryPause(ctx context.Context, attempt int) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Duration(attempt+1) * 500 * time.Millisecond):
		return nil
	}
}

// runStep applies or undoes one revision, telling the reporter. before and
// after are the applied sets around it; partial is the record of an
// earlier run that stopped in the middle of this revision, or nil.
//
// A body that only applies operations (every generated one) is recorded
// first (revision.Record) and runs as segments (revision.Split), after the
// data guard checked all of them. A body that reads the database runs as
// a whole in one transaction, checked operation by operation as it goes;
// a revision with NoTransaction runs statement by statement, as it always
// has.
func (r *Runner) runStep(ctx context.Context, conn *pgx.Conn, step Step, before, after revision.Set, partial *Partial) error {
	r.reporter.StepStarted(step)
	start := time.Now()
	err := r.step(ctx, conn, step, before, after, partial)
	r.reporter.StepDone(step, time.Since(start), err)
	return err
}

func (r *Runner) step(ctx context.Context, conn *pgx.Conn, step Step, before, after revision.Set, partial *Partial) error {
	ops, static, err := revision.Record(ctx, step.body())
	if err != nil {
		return &RevisionError{Step: step, Err: err}
	}
	if partial != nil {
		if !static || step.Revision.NoTransaction {
			return &RevisionError{Step: step, Err: fmt.Errorf("the version table records %s, but the revision no longer runs in segments; settle the database by hand and `autogen stamp`", partial)}
		}
		return r.settle(ctx, conn, step, ops, before, after, partial)
	}
	switch {
	case step.Revision.NoTransaction:
		return r.runPlain(ctx, conn, step, ops, static, before, after)
	case !static:
		return r.runWhole(ctx, conn, step, before, after)
	}
	segs := revision.Split(ops)
	return r.runSegments(ctx, conn, step, segs, 0, before, after)
}

// inTx runs fn in a transaction of its own. The rollback after a failure
// and the commit run even when ctx is cancelled: an interrupted run waits
// for its transaction to end, so that it can say where the database stands
// and release the migration lock on a working connection.
func inTx(ctx context.Context, conn *pgx.Conn, fn func(tx pgx.Tx) error) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback(context.WithoutCancel(ctx))
		return err
	}
	if err := tx.Commit(context.WithoutCancel(ctx)); err != nil {
		// The server answers a COMMIT it refuses (a deferred constraint,
		// a serialization failure) with an error; without an answer the
		// transaction may have committed.
		var pg *pgconn.PgError
		if !errors.As(err, &pg) {
			return &CommitUnknownError{Err: err}
		}
		return err
	}
	return nil
}

func (r *Runner) settings(rev *revision.Revision, local bool) []string {
	scope := "SET "
	if local {
		scope = "SET LOCAL "
	}
	var out []string
	if rev.LockTimeout > 0 {
		out = append(out, fmt.Sprintf("%slock_timeout = '%dms'", scope, rev.LockTimeout.Milliseconds()))
	}
	if rev.StatementTimeout > 0 {
		out = append(out, fmt.Sprintf("%sstatement_timeout = '%dms'", scope, rev.StatementTimeout.Milliseconds()))
	}
	if r.schema != "" {
		// A tenant's revisions use unqualified names: they resolve in
		// the tenant's schema, and in nothing else but pg_catalog.
		out = append(out, scope+"search_path TO "+op.QuoteIdent(r.schema))
	}
	return out
}

// resets returns the statements that undo the session settings of a
// non-transactional revision.
func (r *Runner) resets() []string {
	out := []string{"RESET lock_timeout", "RESET statement_timeout"}
	if r.schema != "" {
		out = append(out, "RESET search_path")
	}
	return out
}

// execAll runs statements in order, in one round trip: without arguments
// pgx sends them with the simple query protocol, which takes several
// statements at once and stops at the first that fails. They are the
// runtime's own (settings, version rows), never a revision's, whose
// statements run one by one so that a failure names its statement.
func execAll(ctx context.Context, q querier, stmts []string) error {
	if len(stmts) == 0 {
		return nil
	}
	_, err := q.Exec(ctx, strings.Join(stmts, ";\n"))
	return err
}

// runWhole runs a body that reads the database, with the version-table
// change, in one transaction, as it was written: its operations are known
// only as it runs, so the data guard checks each right before it runs
// (inside the transaction, so that a refusal leaves nothing done), and a
// lock timeout retries the whole revision.
func (r *Runner) runWhole(ctx context.Context, conn *pgx.Conn, step Step, before, after revision.Set) error {
	var err error
	for attempt := 0; ; attempt++ {
		err = inTx(ctx, conn, func(tx pgx.Tx) error {
			if err := execAll(ctx, tx, r.settings(step.Revision, true)); err != nil {
				return err
			}
			m := revision.NewMigration(tx, r.reporter, true)
			r.guardEach(m, step, tx, true, nil)
			if err := step.body()(ctx, m); err != nil {
				return err
			}
			if err := execAll(ctx, tx, r.rowChanges(before, after)); err != nil {
				return fmt.Errorf("updating the version table: %w", err)
			}
			return nil
		})
		if err == nil || attempt >= step.Revision.LockRetries || !lockTimedOut(err) {
			break
		}
		if err = retryPause(ctx, attempt); err != nil {
			break
		}
	}
	return r.failed(ctx, conn, step, err)
}

// runPlain runs a non-transactional revision (NoTransaction) statement by
// statement, then records it in the version table. The data guard checks
// the operations before the first statement when the body only applies
// operations, and each right before it runs otherwise.
func (r *Runner) runPlain(ctx context.Context, conn *pgx.Conn, step Step, ops []op.Operation, static bool, before, after revision.Set) error {
	var only map[int]bool
	if static {
		var err error
		if only, err = r.guardAheadOps(ctx, conn, step, ops, false); err != nil {
			return err
		}
	}
	if err := execAll(ctx, conn, r.settings(step.Revision, false)); err != nil {
		return r.failed(ctx, conn, step, err)
	}
	defer func() {
		// Session settings would outlive the revision; reset them.
		if len(r.settings(step.Revision, false)) > 0 {
			_, _ = conn.Exec(context.WithoutCancel(ctx), joinStatements(r.resets()))
		}
	}()
	if body := step.body(); body != nil {
		m := revision.NewMigration(conn, r.reporter, false)
		m.RetryLocks(step.Revision.LockRetries, nil)
		r.guardEach(m, step, conn, false, only)
		if err := body(ctx, m); err != nil {
			return r.failed(ctx, conn, step, err)
		}
	}
	err := inTx(ctx, conn, func(tx pgx.Tx) error {
		if err := execAll(ctx, tx, r.rowChanges(before, after)); err != nil {
			return fmt.Errorf("updating the version table: %w", err)
		}
		return nil
	})
	return r.failed(ctx, conn, step, err)
}

// Stamp sets the version table to the given targets without running any
// revision. With purge, every row is removed first, so that rows naming
// unknown revisions are overwritten instead of being an error. The record
// of a revision stopped between segments is dropped: stamping says where
// the database is.
func (r *Runner) Stamp(ctx context.Context, conn *pgx.Conn, purge bool, targets ...string) error {
	want, err := r.graph.StampTargets(targets...)
	if err != nil {
		return err
	}
	return r.withLock(ctx, conn, func() error {
		if err := r.createTable(ctx, conn); err != nil {
			return err
		}
		return inTx(ctx, conn, func(tx pgx.Tx) error {
			del := "DELETE FROM " + r.table.SQL() + " AS v WHERE jsonb_typeof(to_jsonb(v) -> 'partial') = 'object'"
			if purge {
				del = "DELETE FROM " + r.table.SQL()
			}
			if _, err := tx.Exec(ctx, del); err != nil {
				return err
			}
			st, err := r.rows(ctx, tx)
			if err != nil {
				return err
			}
			have, err := r.applied(st)
			if err != nil {
				return err
			}
			if err := execAll(ctx, tx, r.rowChanges(have, want)); err != nil {
				return fmt.Errorf("updating the version table: %w", err)
			}
			return nil
		})
	})
}
