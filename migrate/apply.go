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
// revision, "+N", ...) and returns how many it applied.
func (r *Runner) Upgrade(ctx context.Context, conn *pgx.Conn, target string) (int, error) {
	return r.move(ctx, conn, Up, target)
}

// Downgrade undoes revisions until the database is at target ("base", a
// revision, "-N", ...) and returns how many it undid.
func (r *Runner) Downgrade(ctx context.Context, conn *pgx.Conn, target string) (int, error) {
	return r.move(ctx, conn, Down, target)
}

func (r *Runner) move(ctx context.Context, conn *pgx.Conn, dir Direction, target string) (n int, err error) {
	err = r.withLock(ctx, conn, func() error {
		ids, err := r.rows(ctx, conn)
		if err != nil {
			return err
		}
		applied, err := r.applied(ids)
		if err != nil {
			return err
		}
		var plan []string
		if dir == Up {
			plan, err = r.graph.UpgradePlan(applied, target)
		} else {
			plan, err = r.graph.DowngradePlan(applied, target)
		}
		if err != nil {
			return err
		}
		// The version table is created on first use: a database nothing
		// was ever applied to carries no trace of autogen.
		if dir == Up && len(plan) > 0 {
			if _, err := conn.Exec(ctx, r.createTableSQL()); err != nil {
				return fmt.Errorf("creating the version table: %w", err)
			}
		}
		for i, id := range plan {
			step := Step{Direction: dir, Revision: r.graph.Revision(id), Down: r.graph.DownRevisions(id), Index: i + 1, Total: len(plan)}
			next := step.next(applied)
			if err := r.runStep(ctx, conn, step, applied, next); err != nil {
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
	out := revision.Set{}
	for id := range applied {
		out[id] = true
	}
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

func (r *Runner) runStep(ctx context.Context, conn *pgx.Conn, step Step, before, after revision.Set) error {
	r.reporter.StepStarted(step)
	start := time.Now()
	var err error
	for attempt := 0; ; attempt++ {
		if step.Revision.NoTransaction {
			err = r.runPlain(ctx, conn, step, before, after)
		} else {
			err = r.runInTx(ctx, conn, step, before, after)
		}
		// A transactional revision that failed was rolled back, so it is
		// retried as a whole; a non-transactional one retries the failed
		// operation itself (runPlain), since what ran before it stays.
		var pg *pgconn.PgError
		if err == nil || step.Revision.NoTransaction || attempt >= step.Revision.LockRetries || !errors.As(err, &pg) || pg.Code != lockNotAvailable {
			break
		}
		// Back off before retrying so the blocking transaction can finish.
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 500 * time.Millisecond):
			continue
		}
		break
	}
	if err != nil {
		err = &RevisionError{Step: step, Err: err}
	}
	r.reporter.StepDone(step, time.Since(start), err)
	return err
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

// runInTx runs the body and the version-table change in one transaction.
func (r *Runner) runInTx(ctx context.Context, conn *pgx.Conn, step Step, before, after revision.Set) error {
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		for _, s := range r.settings(step.Revision, true) {
			if _, err := tx.Exec(ctx, s); err != nil {
				return err
			}
		}
		if body := step.body(); body != nil {
			if err := body(ctx, revision.NewMigration(tx, r.reporter, true)); err != nil {
				return err
			}
		}
		for _, s := range r.rowChanges(before, after) {
			if _, err := tx.Exec(ctx, s); err != nil {
				return fmt.Errorf("updating the version table: %w", err)
			}
		}
		return nil
	})
}

// runPlain runs a non-transactional revision statement by statement, then
// records it in the version table.
func (r *Runner) runPlain(ctx context.Context, conn *pgx.Conn, step Step, before, after revision.Set) error {
	for _, s := range r.settings(step.Revision, false) {
		if _, err := conn.Exec(ctx, s); err != nil {
			return err
		}
	}
	defer func() {
		// Session settings would outlive the revision; reset them.
		if len(r.settings(step.Revision, false)) > 0 {
			_, _ = conn.Exec(context.WithoutCancel(ctx), strings.Join(r.resets(), "; "))
		}
	}()
	if body := step.body(); body != nil {
		m := revision.NewMigration(conn, r.reporter, false)
		m.RetryLocks(step.Revision.LockRetries, nil)
		if err := body(ctx, m); err != nil {
			return err
		}
	}
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		for _, s := range r.rowChanges(before, after) {
			if _, err := tx.Exec(ctx, s); err != nil {
				return fmt.Errorf("updating the version table: %w", err)
			}
		}
		return nil
	})
}

// Stamp sets the version table to the given targets without running any
// revision. With purge, every row is removed first, so that rows naming
// unknown revisions are overwritten instead of being an error.
func (r *Runner) Stamp(ctx context.Context, conn *pgx.Conn, purge bool, targets ...string) error {
	want, err := r.graph.StampTargets(targets...)
	if err != nil {
		return err
	}
	return r.withLock(ctx, conn, func() error {
		if _, err := conn.Exec(ctx, r.createTableSQL()); err != nil {
			return fmt.Errorf("creating the version table: %w", err)
		}
		return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if purge {
				if _, err := tx.Exec(ctx, "DELETE FROM "+r.table.SQL()); err != nil {
					return err
				}
			}
			ids, err := r.rows(ctx, tx)
			if err != nil {
				return err
			}
			have, err := r.applied(ids)
			if err != nil {
				return err
			}
			for _, s := range r.rowChanges(have, want) {
				if _, err := tx.Exec(ctx, s); err != nil {
					return fmt.Errorf("updating the version table: %w", err)
				}
			}
			return nil
		})
	})
}
