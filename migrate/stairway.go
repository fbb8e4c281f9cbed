package migrate

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// StairwayError reports a revision whose downgrade (or repeated upgrade) did
// not restore the schema exactly.
type StairwayError struct {
	Revision  string
	Direction Direction
	// Diff lists what differs: "- " lines were expected, "+ " lines found.
	Diff []string
}

// Error names the revision and lists the difference.
func (e *StairwayError) Error() string {
	what := "downgrade of %s does not restore the schema before its upgrade"
	if e.Direction == Up {
		what = "upgrade of %s gives a different schema the second time"
	}
	return fmt.Sprintf(what+":\n  %s", e.Revision, strings.Join(e.Diff, "\n  "))
}

// Stairway tests every revision in topological order: upgrade it, downgrade
// it, check the schema is exactly as before, upgrade it again, check the
// schema is as after the first upgrade. It starts from the database's
// current position (normally base) and leaves it at heads. The data guard
// does not stop it: undoing every revision is what it is for, on a
// database made for the test.
func (r *Runner) Stairway(ctx context.Context, conn *pgx.Conn) error {
	c := *r
	c.allowLoss = true
	r = &c
	return r.withLock(ctx, conn, func() error {
		if err := r.createTable(ctx, conn); err != nil {
			return err
		}
		st, err := r.rows(ctx, conn)
		if err != nil {
			return err
		}
		if st.partial != nil {
			return fmt.Errorf("the stairway starts at a revision, but the database is between two segments: %s", st.partial)
		}
		applied, err := r.applied(st)
		if err != nil {
			return err
		}
		pending, err := r.graph.UpgradePlan(applied, "heads")
		if err != nil {
			return err
		}
		for i, id := range pending {
			up := Step{Direction: Up, Revision: r.graph.Revision(id), Down: r.graph.DownRevisions(id), Index: i + 1, Total: len(pending)}
			down := Step{Direction: Down, Revision: up.Revision, Down: up.Down, Index: i + 1, Total: len(pending)}
			before, err := r.Fingerprint(ctx, conn)
			if err != nil {
				return err
			}
			next := up.next(applied)
			if err := r.runStep(ctx, conn, up, applied, next, nil); err != nil {
				return err
			}
			after, err := r.Fingerprint(ctx, conn)
			if err != nil {
				return err
			}
			if err := r.runStep(ctx, conn, down, next, applied, nil); err != nil {
				return err
			}
			if err := r.same(ctx, conn, before, id, Down); err != nil {
				return err
			}
			if err := r.runStep(ctx, conn, up, applied, next, nil); err != nil {
				return err
			}
			if err := r.same(ctx, conn, after, id, Up); err != nil {
				return err
			}
			applied = next
		}
		return nil
	})
}

func (r *Runner) same(ctx context.Context, conn *pgx.Conn, want []string, id string, dir Direction) error {
	got, err := r.Fingerprint(ctx, conn)
	if err != nil {
		return err
	}
	if d := FingerprintDiff(want, got); len(d) > 0 {
		return &StairwayError{Revision: id, Direction: dir, Diff: d}
	}
	return nil
}
