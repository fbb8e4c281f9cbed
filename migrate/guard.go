package migrate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/guard"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// The data guard: before a revision's first statement, inside its first
// transaction and under the migration lock, every operation with a
// deletes-data hazard the revision does not acknowledge (AllowHazards) is
// checked against the database with the probes it declares (package
// guard). If any would lose data the database holds, nothing runs and the
// step fails with a DataLossError. A probe that reads something an earlier
// operation of the revision renames or creates runs right before its
// operation instead, still in the revision's transaction.

// WithAllowDestructive turns the data guard off: revisions run even when
// they would lose data they do not acknowledge (`--allow-destructive`).
func WithAllowDestructive() Option {
	return func(r *Runner) error {
		r.allowLoss = true
		return nil
	}
}

// DataLossError reports a revision the data guard refused to run: it would
// lose data the database holds and does not acknowledge the deletes-data
// hazard. Nothing of it ran (nothing more, for a revision an earlier run
// left between segments).
type DataLossError struct {
	Step   Step
	Losses []guard.Loss
}

// Error names the revision, each operation and an example of what it would
// lose, and the ways out.
func (e *DataLossError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "refusing to run %s %s: it would lose data this database holds", e.Step.Direction, e.Step.Arrow())
	for _, l := range e.Losses {
		fmt.Fprintf(&b, "\n  - operation %d (%T): %s", l.Index+1, l.Op, l)
	}
	b.WriteString("\nNothing ran. If the loss is intended, acknowledge it in the revision (AllowHazards: []op.HazardKind{op.DeletesData}) or run again with --allow-destructive.")
	return b.String()
}

// Noticer is a Reporter that also hears notices: which backend holds the
// migration lock while this runner waits for it, each segment of a
// revision that runs in several, probes of the data guard that read a
// whole table, the time zone a conversion uses.
type Noticer interface {
	Notice(msg string)
}

func (r *Runner) notice(msg string) {
	if n, ok := r.reporter.(Noticer); ok {
		n.Notice(msg)
	}
}

// guarded reports whether the data guard checks a revision.
func (r *Runner) guarded(rev *revision.Revision) bool {
	return !r.allowLoss && !slices.Contains(rev.AllowHazards, op.DeletesData)
}

func (r *Runner) guardOptions(step Step, savepoints bool) guard.Options {
	return guard.Options{Savepoints: savepoints, Notify: func(o op.Operation, p op.Probe) {
		if p.Scans {
			r.notice(fmt.Sprintf("checking for %s before %s %s (reads the whole table unless it finds one)", p.What, step.Direction, step.Revision.ID))
		}
	}}
}

// guardAhead runs the data guard over the operations of a segment run
// before its first statement, and notes which operations it checks right
// before they run.
func (r *Runner) guardAhead(ctx context.Context, q revision.Executor, run *segmentRun, savepoints bool) error {
	run.deferred = map[int]bool{}
	r.noticeTimeZone(ctx, q, run.step, run.all)
	if !r.guarded(run.step.Revision) {
		return nil
	}
	losses, deferred, err := guard.Check(ctx, q, run.all, r.guardOptions(run.step, savepoints))
	if err != nil {
		return err
	}
	if len(losses) > 0 {
		return &DataLossError{Step: run.step, Losses: losses}
	}
	for _, i := range deferred {
		run.deferred[i] = true
	}
	return nil
}

// guardOne checks run.all[i] right before it runs.
func (r *Runner) guardOne(ctx context.Context, q revision.Executor, run *segmentRun, i int, savepoints bool) error {
	losses, err := guard.CheckOne(ctx, q, run.all, i, r.guardOptions(run.step, savepoints))
	if err != nil {
		return err
	}
	if len(losses) > 0 {
		return &DataLossError{Step: run.step, Losses: losses}
	}
	return nil
}

// guardAheadOps runs the data guard over a body's operations for a
// revision that runs without segments, returning the positions to check
// right before they run.
func (r *Runner) guardAheadOps(ctx context.Context, q revision.Executor, step Step, ops []op.Operation, savepoints bool) (map[int]bool, error) {
	run := &segmentRun{step: step, all: ops}
	if err := r.guardAhead(ctx, q, run, savepoints); err != nil {
		return nil, err
	}
	return run.deferred, nil
}

// guardEach makes the migration check each operation right before it runs:
// every one when only is nil (a body that reads the database, whose
// operations are known only as it runs), else those at the positions in
// only. Positions count the operations the body applies.
func (r *Runner) guardEach(m *revision.Migration, step Step, q revision.Executor, savepoints bool, only map[int]bool) {
	var seen []op.Operation
	told := false
	m.BeforeEach(func(ctx context.Context, o op.Operation) error {
		seen = append(seen, o)
		i := len(seen) - 1
		if only == nil && !told {
			if hs := op.HazardsOf(o); slices.ContainsFunc(hs, func(h op.Hazard) bool { return h.Kind == op.TimeZone }) {
				told = true
				r.noticeTimeZone(ctx, q, step, []op.Operation{o})
			}
		}
		if !r.guarded(step.Revision) || only != nil && !only[i] {
			return nil
		}
		losses, err := guard.CheckOne(ctx, q, seen, i, r.guardOptions(step, savepoints))
		if err != nil {
			return err
		}
		if len(losses) > 0 {
			return &DataLossError{Step: step, Losses: losses}
		}
		return nil
	})
}

// noticeTimeZone names the session time zone once per revision whose
// conversions depend on it (timestamp to timestamptz and back).
func (r *Runner) noticeTimeZone(ctx context.Context, q revision.Executor, step Step, ops []op.Operation) {
	for _, f := range op.Analyze(ops) {
		if f.Kind != op.TimeZone {
			continue
		}
		var tz string
		if err := q.QueryRow(ctx, "SELECT current_setting('TimeZone')").Scan(&tz); err != nil {
			return
		}
		r.notice(fmt.Sprintf("%s %s converts times in the session time zone %s", step.Direction, step.Revision.ID, tz))
		return
	}
}
