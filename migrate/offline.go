package migrate

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/autogen-dev/autogen/revision"
)

// UpgradeSQL writes the SQL an upgrade would run, connecting to nothing, as
// Alembic's --sql does. spec is a target, or "FROM:TO" to start from a
// revision other than base.
func (r *Runner) UpgradeSQL(ctx context.Context, w io.Writer, spec string) error {
	return r.offline(ctx, w, Up, spec)
}

// DowngradeSQL writes the SQL a downgrade would run. spec must be
// "FROM:TO", since offline there is no database to say where to start.
func (r *Runner) DowngradeSQL(ctx context.Context, w io.Writer, spec string) error {
	return r.offline(ctx, w, Down, spec)
}

func (r *Runner) offline(ctx context.Context, w io.Writer, dir Direction, spec string) error {
	from, to, ranged := strings.Cut(spec, ":")
	if !ranged {
		if dir == Down {
			return fmt.Errorf("offline downgrade needs a range FROM:TO, such as head:base")
		}
		from, to = "base", spec
	}
	applied, err := r.graph.StampTargets(from)
	if err != nil {
		return err
	}
	var plan []string
	if dir == Up {
		plan, err = r.graph.UpgradePlan(applied, to)
	} else {
		plan, err = r.graph.DowngradePlan(applied, to)
	}
	if err != nil {
		return err
	}
	out := &sqlWriter{w: w}
	if dir == Up {
		out.line(r.createTableSQL() + ";\n")
	}
	for i, id := range plan {
		step := Step{Direction: dir, Revision: r.graph.Revision(id), Down: r.graph.DownRevisions(id), Index: i + 1, Total: len(plan)}
		next := step.next(applied)
		out.line(fmt.Sprintf("-- Running %s %s\n", dir, step.Arrow()))
		tx := !step.Revision.NoTransaction
		if tx {
			out.line("BEGIN;\n")
		}
		for _, s := range r.settings(step.Revision, tx) {
			out.line(s + ";\n")
		}
		if body := step.body(); body != nil {
			rec := &offlineObserver{out: out}
			if err := body(ctx, revision.NewMigration(nil, rec, tx)); err != nil {
				return &RevisionError{Step: step, Err: err}
			}
		}
		if !tx && len(r.settings(step.Revision, false)) > 0 {
			// Session settings would outlive the revision and bound every
			// later statement of the script; online, runPlain resets them.
			out.line(strings.Join(r.resets(), ";\n") + ";\n")
		}
		if !tx {
			// As online, the version-table change of a non-transactional
			// revision is one transaction of its own, so the table is
			// never seen (or left) without a row between DELETE and INSERT.
			out.line("BEGIN;\n")
		}
		for _, s := range r.rowChanges(applied, next) {
			out.line(s + ";\n")
		}
		out.line("COMMIT;\n")
		out.line("\n")
		applied = next
	}
	return out.err
}

type sqlWriter struct {
	w   io.Writer
	err error
}

func (s *sqlWriter) line(text string) {
	if s.err == nil {
		_, s.err = io.WriteString(s.w, text)
	}
}

type offlineObserver struct{ out *sqlWriter }

func (o *offlineObserver) StatementStarted(sql string) {
	o.out.line(strings.TrimRight(sql, "; \n") + ";\n")
}

func (o *offlineObserver) StatementDone(string, time.Duration, error) {}

// StampSQL writes the version-table statements that stamp would run,
// assuming an empty version table unless purge is set (then it empties it).
func (r *Runner) StampSQL(w io.Writer, purge bool, targets ...string) error {
	want, err := r.graph.StampTargets(targets...)
	if err != nil {
		return err
	}
	out := &sqlWriter{w: w}
	out.line(r.createTableSQL() + ";\nBEGIN;\n")
	if purge {
		out.line("DELETE FROM " + r.table.SQL() + ";\n")
	}
	for _, s := range r.rowChanges(revision.Set{}, want) {
		out.line(s + ";\n")
	}
	out.line("COMMIT;\n")
	return out.err
}
