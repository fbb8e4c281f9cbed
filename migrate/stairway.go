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

// same compares the schema with a fingerprint. A difference of column
// positions alone is a note unless the runner asks for exact column order
// (WithColumnOrder).
func (r *Runner) same(ctx context.Context, conn *pgx.Conn, want []string, id string, dir Direction) error {
	got, err := r.Fingerprint(ctx, conn)
	if err != nil {
		return err
	}
	d := FingerprintDiff(want, got)
	switch {
	case len(d) == 0:
		return nil
	case OnlyColumnOrder(d) && r.columnOrder != ColumnOrderExact:
		if n, ok := r.reporter.(Noter); ok {
			what := "downgrade of %s leaves columns in another order (PostgreSQL appends a column added again; ignored unless column order is exact):\n  %s"
			if dir == Up {
				what = "upgrade of %s puts columns in another order the second time (ignored unless column order is exact):\n  %s"
			}
			n.Note(fmt.Sprintf(what, id, strings.Join(d, "\n  ")))
		}
		return nil
	}
	return &StairwayError{Revision: id, Direction: dir, Diff: d}
}

// Noter is a Reporter that also hears notes: differences that are
// reported without failing, such as a column order the stairway test
// ignores.
type Noter interface {
	Note(msg string)
}
