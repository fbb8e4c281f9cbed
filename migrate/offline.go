package migrate

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/autogen-dev/autogen/guard"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// UpgradeSQL writes the SQL an upgrade would run, connecting to nothing, as
// Alembic's --sql does. spec is a target, or "FROM:TO" to start from a
// revision other than base. The SQL runs each revision as it runs online:
// in segments, each recorded in the version table, after the data guard,
// rendered as a DO block that raises when the database holds data the
// revision would lose and does not acknowledge.
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
		if r.ownSchema() {
			out.line("CREATE SCHEMA IF NOT EXISTS " + op.QuoteIdent(r.table.Schema) + ";\n")
		}
		out.line(r.createTableSQL() + ";\n")
	}
	partialColumn := false
	for i, id := range plan {
		step := Step{Direction: dir, Revision: r.graph.Revision(id), Down: r.graph.DownRevisions(id), Index: i + 1, Total: len(plan)}
		next := step.next(applied)
		out.line(fmt.Sprintf("-- Running %s %s\n", dir, step.Arrow()))
		ops, static, err := revision.Record(ctx, step.body())
		if err != nil {
			return &RevisionError{Step: step, Err: err}
		}
		if static && !step.Revision.NoTransaction {
			segs := revision.Split(ops)
			if len(segs) > 1 && !partialColumn {
				out.line(r.addPartialSQL() + ";\n")
				partialColumn = true
			}
			if err := r.offlineSegments(ctx, out, step, segs, applied, next); err != nil {
				return &RevisionError{Step: step, Err: err}
			}
		} else if err := r.offlineWhole(ctx, out, step, ops, static, applied, next); err != nil {
			return &RevisionError{Step: step, Err: err}
		}
		out.line("\n")
		applied = next
	}
	return out.err
}

// offlineSegments renders a revision that runs in segments.
func (r *Runner) offlineSegments(ctx context.Context, out *sqlWriter, step Step, segs []revision.Segment, before, after revision.Set) error {
	var all []op.Operation
	for _, s := range segs {
		all = append(all, s.Ops...)
	}
	// The probes of the first transaction's operations run right before
	// each, in that transaction, where everything the revision creates
	// before them exists; the others before the first statement.
	first := 0
	if segs[0].Transactional {
		first = len(segs[0].Ops)
	}
	ahead, deferred := r.offlineGuard(all, step, first)
	if len(segs) > 1 {
		out.line("-- in " + fmt.Sprint(len(segs)) + " segments, each recorded in the version table when it completes:\n")
		for _, l := range revision.Describe(segs) {
			out.line("--   " + l + "\n")
		}
	}
	base := 0
	for j, seg := range segs {
		rec := &offlineObserver{out: out}
		m := revision.NewMigration(nil, rec, seg.Transactional)
		var rows []string
		if j < len(segs)-1 {
			rows = []string{r.partialUpsert(step.Revision.ID, step.Direction, segs, j+1)}
		} else {
			if j > 0 && step.Direction == Up {
				rows = append(rows, "DELETE FROM "+r.table.SQL()+" WHERE version_num = "+op.QuoteLiteral(step.Revision.ID))
			}
			rows = append(rows, r.rowChanges(before, after)...)
		}
		if seg.Transactional {
			out.line("BEGIN;\n")
			out.statements(r.settings(step.Revision, true))
			if j == 0 && ahead != "" {
				out.line(ahead + ";\n")
			}
		} else {
			if j == 0 && ahead != "" {
				out.line(ahead + ";\n")
			}
			out.statements(r.settings(step.Revision, false))
		}
		for i, o := range seg.Ops {
			if deferred[base+i] {
				out.line(guard.DO(step.label(), all, []int{base + i}) + ";\n")
			}
			if err := m.Apply(ctx, o); err != nil {
				return err
			}
		}
		if !seg.Transactional {
			if len(r.settings(step.Revision, false)) > 0 {
				// Session settings would outlive the segment and bound
				// every later statement of the script.
				out.statements(r.resets())
			}
			// As online, the version-table change is a transaction of
			// its own, so the table is never seen (or left) without a row
			// between DELETE and INSERT.
			out.line("BEGIN;\n")
		}
		out.statements(rows)
		out.line("COMMIT;\n")
		base += len(seg.Ops)
	}
	return nil
}

// offlineWhole renders a revision that runs as a whole: in one
// transaction, or statement by statement with NoTransaction.
func (r *Runner) offlineWhole(ctx context.Context, out *sqlWriter, step Step, ops []op.Operation, static bool, before, after revision.Set) error {
	tx := !step.Revision.NoTransaction
	if tx {
		out.line("BEGIN;\n")
	}
	out.statements(r.settings(step.Revision, tx))
	rec := &offlineObserver{out: out}
	m := revision.NewMigration(nil, rec, tx)
	var deferred map[int]bool
	if static {
		var ahead string
		first := 0
		if tx {
			first = len(ops)
		}
		ahead, deferred = r.offlineGuard(ops, step, first)
		if ahead != "" {
			out.line(ahead + ";\n")
		}
	}
	var seen []op.Operation
	m.BeforeEach(func(_ context.Context, o op.Operation) error {
		seen = append(seen, o)
		i := len(seen) - 1
		if r.guarded(step.Revision) && (!static || deferred[i]) {
			if do := guard.DO(step.label(), seen, []int{i}); do != "" {
				out.line(do + ";\n")
			}
		}
		return nil
	})
	if body := step.body(); body != nil {
		if err := body(ctx, m); err != nil {
			return err
		}
	}
	if !tx && len(r.settings(step.Revision, false)) > 0 {
		// Session settings would outlive the revision and bound every
		// later statement of the script; online, runPlain resets them.
		out.statements(r.resets())
	}
	if !tx {
		// As online, the version-table change of a non-transactional
		// revision is one transaction of its own.
		out.line("BEGIN;\n")
	}
	out.statements(r.rowChanges(before, after))
	out.line("COMMIT;\n")
	return nil
}

// offlineGuard renders the data guard of a revision's operations: the DO
// block that runs before the first statement, and the positions of the
// operations whose probes run right before them instead: those that read
// what an earlier operation renames or creates, and the first first
// operations, which run in the revision's first transaction.
func (r *Runner) offlineGuard(ops []op.Operation, step Step, first int) (string, map[int]bool) {
	deferred := map[int]bool{}
	if !r.guarded(step.Revision) {
		return "", deferred
	}
	var ahead []int
	for _, f := range guard.Targets(ops) {
		if f.Index < first || guard.Deferred(ops, f.Index) {
			deferred[f.Index] = true
		} else {
			ahead = append(ahead, f.Index)
		}
	}
	return guard.DO(step.label(), ops, ahead), deferred
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

// statements writes statements, each ended with a semicolon.
func (s *sqlWriter) statements(stmts []string) {
	for _, st := range stmts {
		s.line(st + ";\n")
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
	if r.ownSchema() {
		out.line("CREATE SCHEMA IF NOT EXISTS " + op.QuoteIdent(r.table.Schema) + ";\n")
	}
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
