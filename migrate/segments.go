package migrate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// segmentRun is one run through segments: of a revision's body, or of
// the inverse of segments an earlier run completed.
type segmentRun struct {
	step Step
	segs []revision.Segment
	// from is the first segment to run.
	from int
	// rows returns the version-table statements that record segment j
	// as completed, in the same transaction as its last statement when it
	// is transactional.
	rows func(j int) []string
	// all lists the operations of segs[from:] in order, which the data
	// guard's positions refer to; deferred holds the positions it checks
	// right before they run.
	all      []op.Operation
	deferred map[int]bool
}

// runSegments runs segs[from:] of a revision's body: each transactional
// segment in one transaction with the version-table record of its end,
// each other one alone followed by that record. The data guard checks
// every operation to run before the first statement.
func (r *Runner) runSegments(ctx context.Context, conn *pgx.Conn, step Step, segs []revision.Segment, from int, before, after revision.Set) error {
	last := len(segs) - 1
	run := &segmentRun{step: step, segs: segs, from: from, rows: func(j int) []string {
		if j < last {
			return []string{r.partialUpsert(step.Revision.ID, step.Direction, segs, j+1)}
		}
		var out []string
		if j > 0 && step.Direction == Up {
			// The revision's partial record gives way to its row.
			out = append(out, "DELETE FROM "+r.table.SQL()+" WHERE version_num = "+op.QuoteLiteral(step.Revision.ID))
		}
		return append(out, r.rowChanges(before, after)...)
	}}
	return r.run(ctx, conn, run)
}

// run runs the segments of a segment run in order, stopping at the first
// failure: what completed stays, recorded.
func (r *Runner) run(ctx context.Context, conn *pgx.Conn, run *segmentRun) error {
	for _, s := range run.segs[run.from:] {
		run.all = append(run.all, s.Ops...)
	}
	if len(run.segs) > 1 || run.from > 0 {
		if err := r.addPartial(ctx, conn); err != nil {
			return r.failed(ctx, conn, run.step, err)
		}
	}
	lines := revision.Describe(run.segs)
	base := 0
	for j := run.from; j < len(run.segs); j++ {
		if len(run.segs) > 1 {
			_, what, _ := strings.Cut(lines[j], ". ")
			r.notice(fmt.Sprintf("segment %d of %d, %s", j+1, len(run.segs), what))
		}
		if err := r.runSegment(ctx, conn, run, j, base); err != nil {
			return r.failed(ctx, conn, run.step, err)
		}
		base += len(run.segs[j].Ops)
	}
	return nil
}

// runSegment runs segment j, whose first operation is at position base of
// run.all.
func (r *Runner) runSegment(ctx context.Context, conn *pgx.Conn, run *segmentRun, j, base int) error {
	seg, rev := run.segs[j], run.step.Revision
	first := j == run.from
	apply := func(x revision.Executor, m *revision.Migration, tx bool) error {
		for i, o := range seg.Ops {
			if run.deferred[base+i] {
				if err := r.guardOne(ctx, x, run, base+i, tx); err != nil {
					return err
				}
			}
			if err := m.Apply(ctx, o); err != nil {
				return err
			}
		}
		return nil
	}
	if seg.Transactional {
		var err error
		for attempt := 0; ; attempt++ {
			err = inTx(ctx, conn, func(tx pgx.Tx) error {
				if err := execAll(ctx, tx, r.settings(rev, true)); err != nil {
					return err
				}
				if first {
					// The data guard runs inside the first transaction,
					// under the migration lock, before its first statement.
					if err := r.guardAhead(ctx, tx, run, true); err != nil {
						return err
					}
				}
				if err := apply(tx, revision.NewMigration(tx, r.reporter, true), true); err != nil {
					return err
				}
				if err := execAll(ctx, tx, run.rows(j)); err != nil {
					return fmt.Errorf("updating the version table: %w", err)
				}
				return nil
			})
			// A transaction that failed on a lock timeout was rolled back
			// as a whole; it is retried as a whole.
			if err == nil || attempt >= rev.LockRetries || !lockTimedOut(err) {
				return err
			}
			if err := retryPause(ctx, attempt); err != nil {
				return err
			}
		}
	}
	if first {
		if err := inTx(ctx, conn, func(tx pgx.Tx) error { return r.guardAhead(ctx, tx, run, true) }); err != nil {
			return err
		}
	}
	if err := execAll(ctx, conn, r.settings(rev, false)); err != nil {
		return err
	}
	m := revision.NewMigration(conn, r.reporter, false)
	m.RetryLocks(rev.LockRetries, nil)
	err := apply(conn, m, false)
	if len(r.settings(rev, false)) > 0 {
		// Session settings would outlive the segment; reset them.
		_, _ = conn.Exec(context.WithoutCancel(ctx), joinStatements(r.resets()))
	}
	if err != nil {
		return err
	}
	// The statement committed on its own. A runner cut off before the
	// record below commits runs the segment again, which its operation
	// must allow (IF NOT EXISTS, rebuilding an INVALID index).
	if rows := run.rows(j); len(rows) > 0 {
		return inTx(ctx, conn, func(tx pgx.Tx) error {
			if err := execAll(ctx, tx, rows); err != nil {
				return fmt.Errorf("updating the version table: %w", err)
			}
			return nil
		})
	}
	return nil
}

func joinStatements(stmts []string) string { return strings.Join(stmts, "; ") }

// settle continues a revision an earlier run left between two segments:
// it runs the rest when the step goes the same way, and undoes the
// completed segments when it goes the other way.
func (r *Runner) settle(ctx context.Context, conn *pgx.Conn, step Step, ops []op.Operation, before, after revision.Set, p *Partial) error {
	if p.Direction == step.Direction {
		segs := revision.Split(ops)
		if err := r.samePlan(step, segs, p); err != nil {
			return err
		}
		// The segment that was running when the earlier run stopped may
		// have run without being recorded, if it ran outside a
		// transaction: it runs again, in a form that allows that.
		segs[p.Done] = rerunnable(segs[p.Done])
		return r.runSegments(ctx, conn, step, segs, p.Done, before, after)
	}
	other := step.Revision.Upgrade
	if p.Direction == Down {
		other = step.Revision.Downgrade
	}
	done, static, err := revision.Record(ctx, other)
	if err != nil || !static {
		return &RevisionError{Step: step, Err: fmt.Errorf("the version table records %s, but its %s no longer runs in segments: %v", p, p.Direction, err)}
	}
	segs := revision.Split(done)
	if err := r.samePlan(step, segs, p); err != nil {
		return err
	}
	undo, undone, err := undoSegments(segs, p.Done)
	if err != nil {
		return &RevisionError{Step: step, Err: fmt.Errorf("cannot undo %s: %w; finish it with `autogen %s` instead (after fixing what made it stop), or undo it by hand and `autogen stamp`", p, err, p.Direction)}
	}
	id := step.Revision.ID
	run := &segmentRun{step: step, segs: undo, rows: func(j int) []string {
		left := undone[j] // segments still done once undo[j] ran
		switch {
		case left == p.Done:
			// Undoing the segment that may have half run changes nothing
			// the version table records.
			return nil
		case left > 0:
			return []string{r.partialUpsert(id, p.Direction, segs, left)}
		case p.Direction == Up:
			return []string{"DELETE FROM " + r.table.SQL() + " WHERE version_num = " + op.QuoteLiteral(id)}
		}
		return []string{"UPDATE " + r.table.SQL() + " SET partial = NULL WHERE version_num = " + op.QuoteLiteral(id)}
	}}
	return r.run(ctx, conn, run)
}

// samePlan checks that the segments an earlier run completed are still
// those of the revision: resuming or undoing a revision file changed since
// would do something other than what ran.
func (r *Runner) samePlan(step Step, segs []revision.Segment, p *Partial) error {
	if p.Done > len(segs) || fingerprint(segs[:p.Done]) != p.Plan {
		return &RevisionError{Step: step, Err: fmt.Errorf("the version table records %s, but those segments of the revision file have changed since; restore the file as it was when it ran, or settle the database by hand and `autogen stamp`", p)}
	}
	if p.Done == len(segs) {
		return &RevisionError{Step: step, Err: fmt.Errorf("the version table records %s, but the revision file now has %d segments", p, len(segs))}
	}
	return nil
}

// undoSegments returns the segments that undo the first done of segs,
// last first, each the inverses (op.Reverser) of a segment's operations
// in reverse order, and for each how many of segs are still done after
// it. When the segment after those, segs[done], runs outside a
// transaction, it may have run (or half run) without being recorded, so
// its inverse comes first, in a form that allows it not to have run.
func undoSegments(segs []revision.Segment, done int) (out []revision.Segment, left []int, err error) {
	if done < len(segs) && !segs[done].Transactional {
		inv, err := inverse(segs[done])
		if err != nil {
			return nil, nil, err
		}
		out, left = append(out, rerunnable(inv)), append(left, done)
	}
	for j := done - 1; j >= 0; j-- {
		inv, err := inverse(segs[j])
		if err != nil {
			return nil, nil, err
		}
		if !inv.Transactional {
			inv = rerunnable(inv)
		}
		out, left = append(out, inv), append(left, j)
	}
	return out, left, nil
}

// inverse returns the segment that undoes s: the inverse of each of its
// operations, last first, after the settings (SET LOCAL) it ran under.
func inverse(s revision.Segment) (revision.Segment, error) {
	inv := revision.Segment{Transactional: s.Transactional, Reason: s.Reason}
	var body []op.Operation
	for i := len(s.Ops) - 1; i >= 0; i-- {
		o := s.Ops[i]
		if _, ok := o.(op.SetLocal); ok {
			inv.Ops = append(inv.Ops, o)
			continue
		}
		rv, ok := o.(op.Reverser)
		if !ok {
			return revision.Segment{}, fmt.Errorf("%T has no exact inverse", o)
		}
		x, err := rv.Reverse()
		if err != nil {
			return revision.Segment{}, fmt.Errorf("%T: %w", o, err)
		}
		body = append(body, x)
	}
	// Settings come first, in the order they were set.
	for i, j := 0, len(inv.Ops)-1; i < j; i, j = i+1, j-1 {
		inv.Ops[i], inv.Ops[j] = inv.Ops[j], inv.Ops[i]
	}
	inv.Ops = append(inv.Ops, body...)
	return inv, nil
}

// rerunnable returns a segment that runs outside a transaction in a form
// that is safe to run again: CREATE INDEX CONCURRENTLY IF NOT EXISTS
// (which also rebuilds an INVALID index first), DROP INDEX CONCURRENTLY
// IF EXISTS. Transactional segments are returned as they are.
func rerunnable(s revision.Segment) revision.Segment {
	if s.Transactional {
		return s
	}
	out := s
	out.Ops = make([]op.Operation, len(s.Ops))
	for i, o := range s.Ops {
		switch x := o.(type) {
		case op.CreateIndex:
			x.IfNotExists = true
			o = x
		case op.DropIndex:
			x.IfExists = true
			o = x
		}
		out.Ops[i] = o
	}
	return out
}

// failed wraps the error of a step in a RevisionError that says where the
// database now stands; a refusal of the data guard is returned as it is,
// and nil stays nil.
func (r *Runner) failed(ctx context.Context, conn *pgx.Conn, step Step, err error) error {
	if err == nil {
		return nil
	}
	var dl *DataLossError
	var re *RevisionError
	if errors.As(err, &dl) || errors.As(err, &re) {
		return err
	}
	out := &RevisionError{Step: step, Err: err}
	// The version table is read on a context of its own: an interrupted
	// run still says where it stopped.
	if st, rerr := r.rows(context.WithoutCancel(ctx), conn); rerr == nil && st.partial != nil && st.partial.Revision == step.Revision.ID {
		out.Partial = st.partial
	}
	return out
}
