package runner

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/mdreport"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// LintFinding is one hazard found in a revision's upgrade.
type LintFinding struct {
	Revision     string        `json:"revision"`
	Operation    int           `json:"operation"`
	OpType       string        `json:"op"`
	Kind         op.HazardKind `json:"kind"`
	Message      string        `json:"message"`
	Acknowledged bool          `json:"acknowledged"`
}

// Lint renders the upgrade of each revision offline and returns the hazards
// of its operations, marking those the revision acknowledges in
// AllowHazards. A body that needs the database to run cannot be analysed and
// is reported as an untracked hazard.
func Lint(ctx context.Context, revs []*revision.Revision) []LintFinding {
	var out []LintFinding
	for _, r := range revs {
		if r.Upgrade == nil {
			continue
		}
		m := revision.NewMigration(nil, nil, !r.NoTransaction)
		if err := r.Upgrade(ctx, m); err != nil {
			out = append(out, LintFinding{Revision: r.ID, Operation: len(m.Operations()), OpType: "body",
				Kind: op.Untracked, Message: "the upgrade cannot be analysed offline: " + err.Error(),
				Acknowledged: slices.Contains(r.AllowHazards, op.Untracked)})
		}
		ops := m.Operations()
		for _, f := range op.Analyze(ops) {
			out = append(out, LintFinding{
				Revision: r.ID, Operation: f.Index + 1, OpType: fmt.Sprintf("%T", ops[f.Index]),
				Kind: f.Kind, Message: f.Message, Acknowledged: slices.Contains(r.AllowHazards, f.Kind),
			})
		}
	}
	return out
}

func (e *env) lintCmd() *cobra.Command {
	var (
		format string
		all    bool
	)
	cmd := &cobra.Command{
		Use:   "lint [REV...]",
		Short: "Report the hazards of revisions not yet applied",
		Long: `Report the hazards of revisions: data deleted, tables rewritten, locks held
during scans, index builds that block writes, changes that cannot be reversed
or may fail on existing rows. Hand-written revisions are analysed too, since
their operations are typed values; no database is needed for that.

Without arguments, lint checks the revisions not yet applied to the database
(all revisions when no database URL is set, or with --all). A revision
acknowledges hazards with AllowHazards; lint exits 1 when any hazard is not
acknowledged. --format markdown writes the report for a pull request
comment.`,
		Example: `  autogen lint
  autogen lint 1a2b3c
  autogen lint --all --format json
  autogen lint --format markdown > lint.md`,
		ValidArgsFunction: e.completeRevisions(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := e.reg.Graph()
			if err != nil {
				return wrapGraph(err)
			}
			ids, err := e.lintTargets(cmd.Context(), g, args, all)
			if err != nil {
				return err
			}
			var revs []*revision.Revision
			for _, id := range ids {
				revs = append(revs, g.Revision(id))
			}
			findings := Lint(cmd.Context(), revs)
			bad := 0
			for _, f := range findings {
				if !f.Acknowledged {
					bad++
				}
			}
			if format == "markdown" {
				e.markdownLint(g, ids, findings)
			} else if format == "json" {
				if findings == nil {
					findings = []LintFinding{}
				}
				if err := writeJSON(e.stdout, struct {
					Revisions      []string      `json:"revisions"`
					Findings       []LintFinding `json:"findings"`
					Unacknowledged int           `json:"unacknowledged"`
				}{nonNil(ids), findings, bad}); err != nil {
					return err
				}
			} else {
				e.printLint(g, ids, findings)
			}
			if bad > 0 {
				return exitcode.With(exitcode.Drift, errSilent)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "lint every revision")
	addFormat(cmd, &format, "markdown")
	return cmd
}

func (e *env) lintTargets(ctx context.Context, g *revision.Graph, args []string, all bool) ([]string, error) {
	if len(args) > 0 {
		var ids []string
		for _, a := range args {
			id, err := g.Resolve(a)
			if err != nil {
				return nil, wrapGraph(err)
			}
			ids = append(ids, id)
		}
		return ids, nil
	}
	if all || e.getenv(e.urlEnv) == "" {
		return g.Order(), nil
	}
	r, err := e.runner()
	if err != nil {
		return nil, err
	}
	var ids []string
	err = e.withConn(ctx, func(conn *pgx.Conn) error {
		cur, err := r.Current(ctx, conn)
		if err != nil {
			return err
		}
		ids, err = g.UpgradePlan(g.Ancestors(cur...), "heads")
		return err
	})
	return ids, err
}

func (e *env) printLint(g *revision.Graph, ids []string, findings []LintFinding) {
	st := e.style(e.stdout)
	byRev := map[string][]LintFinding{}
	for _, f := range findings {
		byRev[f.Revision] = append(byRev[f.Revision], f)
	}
	bad := 0
	for _, id := range ids {
		fs := byRev[id]
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(e.stdout, "%s %s\n", st.Bold(id), g.Revision(id).Message)
		for _, f := range fs {
			mark := st.Red(string(f.Kind))
			if f.Acknowledged {
				mark = st.Dim(string(f.Kind) + " (allowed)")
			} else {
				bad++
			}
			fmt.Fprintf(e.stdout, "  %d %s: %s: %s\n", f.Operation, f.OpType, mark, f.Message)
		}
	}
	switch {
	case len(ids) == 0:
		fmt.Fprintln(e.stderr, "No revisions to lint.")
	case bad == 0:
		fmt.Fprintf(e.stderr, "%d revision(s) checked: no unacknowledged hazards.\n", len(ids))
	default:
		fmt.Fprintf(e.stderr, "%d revision(s) checked: %d unacknowledged hazard(s). Acknowledge them with AllowHazards in the revision, or make the change safer.\n", len(ids), bad)
	}
}

// markdownLint writes the findings as Markdown (package mdreport).
func (e *env) markdownLint(g *revision.Graph, ids []string, findings []LintFinding) {
	var revs []mdreport.Revision
	for _, id := range ids {
		r := mdreport.Revision{ID: id, Message: g.Revision(id).Message}
		for _, f := range findings {
			if f.Revision == id {
				r.Findings = append(r.Findings, mdreport.Finding{Hazard: op.Hazard{Kind: f.Kind, Message: f.Message},
					Operation: fmt.Sprintf("operation %d, %s", f.Operation, f.OpType), Acknowledged: f.Acknowledged})
			}
		}
		revs = append(revs, r)
	}
	mdreport.Lint(e.stdout, revs)
}
