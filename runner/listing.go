package runner

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
)

// revJSON is the JSON form of a revision in current, history and heads.
// docs/json.md documents it; fields are only ever added.
type revJSON struct {
	ID            string   `json:"id"`
	Parents       []string `json:"parents"`
	DependsOn     []string `json:"depends_on"`
	BranchLabels  []string `json:"branch_labels"`
	Message       string   `json:"message"`
	Path          string   `json:"path"`
	IsHead        bool     `json:"is_head"`
	IsBase        bool     `json:"is_base"`
	IsBranchPoint bool     `json:"is_branch_point"`
	IsMergePoint  bool     `json:"is_merge_point"`
	NoTransaction bool     `json:"no_transaction"`
	// IsCurrent is null unless the command knows the database's position:
	// current, and history --indicate-current.
	IsCurrent *bool `json:"is_current"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (e *env) revJSON(g *revision.Graph, id string) revJSON {
	r := g.Revision(id)
	return revJSON{
		ID: id, Parents: nonNil(r.Revises), DependsOn: nonNil(r.DependsOn), BranchLabels: nonNil(r.BranchLabels),
		Message: r.Message, Path: e.reg.Source(id), IsHead: g.IsHead(id), IsBase: r.IsBase(),
		IsBranchPoint: g.IsBranchPoint(id), IsMergePoint: r.IsMerge(), NoTransaction: r.NoTransaction,
	}
}

// headMarks renders " (head)" for a revision nothing revises and nothing
// depends on, and " (effective head)" for one that only dependencies
// point at, as Alembic's one-line forms do.
func headMarks(g *revision.Graph, id string) string {
	switch {
	case g.IsEffectiveHead(id):
		return " (effective head)"
	case g.IsHead(id):
		return " (head)"
	}
	return ""
}

// treeMarks renders " (branchpoint)" and " (mergepoint)".
func treeMarks(g *revision.Graph, id string) string {
	var b strings.Builder
	if g.IsBranchPoint(id) {
		b.WriteString(" (branchpoint)")
	}
	if g.Revision(id).IsMerge() {
		b.WriteString(" (mergepoint)")
	}
	return b.String()
}

// labelMarks renders " (label, ...)" with every label that applies to the
// revision, including those it inherits from its branch.
func labelMarks(g *revision.Graph, id string) string {
	if ls := g.BranchLabels(id); len(ls) > 0 {
		return " (" + strings.Join(ls, ", ") + ")"
	}
	return ""
}

// listRevs prints the revisions ids in the form the listing commands share:
// a JSON array, Alembic's verbose log entries, or one line each made by
// line. isCurrent, nil when the command does not look at the database,
// tells whether the database is at a revision and whether the text forms
// should mark it so.
func (e *env) listRevs(g *revision.Graph, ids []string, format string, isCurrent func(id string) (current, mark bool), line func(id string, mark bool) string) error {
	if format == "json" {
		out := []revJSON{}
		for _, id := range ids {
			j := e.revJSON(g, id)
			if isCurrent != nil {
				cur, _ := isCurrent(id)
				j.IsCurrent = &cur
			}
			out = append(out, j)
		}
		return writeJSON(e.stdout, out)
	}
	for _, id := range ids {
		mark := false
		if isCurrent != nil {
			_, mark = isCurrent(id)
		}
		if e.verbose > 0 {
			e.verboseRev(e.stdout, g, id, mark)
			continue
		}
		fmt.Fprintln(e.stdout, line(id, mark))
	}
	return nil
}

// oneLine renders a revision the way Alembic's one-line form does:
// "REV (labels) (head) (current) (branchpoint) (mergepoint)", each part
// only when asked for and when it applies.
func oneLine(g *revision.Graph, id string, labels, tree, current bool) string {
	s := id
	if labels {
		s += labelMarks(g, id)
	}
	s += headMarks(g, id)
	if current {
		s += " (current)"
	}
	if tree {
		s += treeMarks(g, id)
	}
	return s
}

// parentList renders the parents as Alembic does: "<base>" or a comma list.
func parentList(r *revision.Revision) string {
	if len(r.Revises) == 0 {
		return "<base>"
	}
	return strings.Join(r.Revises, ", ")
}

// verboseRev writes the multi-line description of a revision that `show`,
// `history --verbose`, `heads --verbose`, `branches --verbose` and
// `current --verbose` print, laid out as Alembic's log entry: the first
// line carries (head), (branchpoint), (mergepoint) and (current), and the
// labels go to "Branch names".
func (e *env) verboseRev(w io.Writer, g *revision.Graph, id string, current bool) {
	r := g.Revision(id)
	first := "Rev: " + id
	if g.IsHead(id) {
		first += " (head)"
	}
	first += treeMarks(g, id)
	if current {
		first += " (current)"
	}
	fmt.Fprintln(w, first)
	label := "Parent"
	if r.IsMerge() {
		label = "Merges"
	}
	fmt.Fprintf(w, "%s: %s\n", label, parentList(r))
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(w, "Also depends on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	if kids := g.Children(id); len(kids) > 1 {
		fmt.Fprintf(w, "Branches into: %s\n", strings.Join(kids, ", "))
	}
	if ls := g.BranchLabels(id); len(ls) > 0 {
		fmt.Fprintf(w, "Branch names: %s\n", strings.Join(ls, ", "))
	}
	if p := e.reg.Source(id); p != "" {
		fmt.Fprintf(w, "Path: %s\n", p)
	}
	if d := e.reg.Created(id); d != "" {
		fmt.Fprintf(w, "Create Date: %s\n", d)
	}
	if r.NoTransaction {
		fmt.Fprintln(w, "Non-transactional: yes")
	}
	fmt.Fprintf(w, "\n    %s\n\n", strings.ReplaceAll(r.Message, "\n", "\n    "))
}

// historyLine renders one revision as `history` lists it, as Alembic does:
// "PARENTS (DEPENDENCIES) -> REV (labels) (head) (current) (branchpoint)
// (mergepoint), message".
func historyLine(g *revision.Graph, id string, current bool) string {
	r := g.Revision(id)
	from := parentList(r)
	if len(r.DependsOn) > 0 {
		from += " (" + strings.Join(r.DependsOn, ", ") + ")"
	}
	return fmt.Sprintf("%s -> %s, %s", from, oneLine(g, id, true, true, current), r.Message)
}

func (e *env) currentCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "current",
		Short: "Show the revision(s) the database is at",
		Long: `Show the database's current revision(s): the newest applied revision of
every branch, marked (head) when nothing newer exists, (effective head) when
only dependencies point at it. Nothing is printed for a database at base.`,
		Example: `  autogen current
  autogen current --verbose
  autogen current --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := e.runner()
			if err != nil {
				return err
			}
			return e.withConn(cmd.Context(), func(conn *pgx.Conn) error {
				ids, err := r.Current(cmd.Context(), conn)
				if err != nil {
					return err
				}
				g := r.Graph()
				// Like Alembic's `current`, show the tip of every applied
				// branch, including a dependency whose row a dependent
				// consumed.
				ids = g.BranchHeadsOf(g.Ancestors(ids...))
				// Every revision listed is current, which the JSON says;
				// the text, like Alembic's, does not mark it.
				return e.listRevs(g, ids, format, func(string) (bool, bool) { return true, false },
					func(id string, _ bool) string { return oneLine(g, id, false, true, false) })
			})
		},
	}
	addFormat(cmd, &format)
	return cmd
}

// addFormat adds --format: text, json and the extra formats the command
// also writes.
func addFormat(cmd *cobra.Command, format *string, extra ...string) {
	formats := append([]string{"text", "json"}, extra...)
	list := strings.Join(formats[:len(formats)-1], ", ") + " or " + formats[len(formats)-1]
	cmd.Flags().StringVar(format, "format", "text", "output format: "+list)
	cmd.PreRunE = func(*cobra.Command, []string) error {
		if !slices.Contains(formats, *format) {
			return exitcode.With(exitcode.Usage, fmt.Errorf("--format must be %s, not %q", list, *format))
		}
		return nil
	}
}

func (e *env) historyCmd() *cobra.Command {
	var (
		format   string
		rng      string
		indicate bool
		graph    bool
	)
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List revisions, newest first",
		Long: `List revisions from newest to oldest as "parent -> revision, message", marking
heads, branch points and merge points. -r START:END limits the range (either
side may be empty, "base", "head" or "current"); --indicate-current marks
the revisions the database is at.

--graph draws the revision graph in the terminal, as git log --graph does:
branches, merges, labels and (with --indicate-current) the current
revisions. --format dot and --format mermaid write it for Graphviz and for
Markdown docs.`,
		Example: `  autogen history
  autogen history -r 1a2b:head --verbose
  autogen history --indicate-current
  autogen history --graph -i
  autogen history --format mermaid > docs/revisions.md
  autogen history --format dot | dot -Tsvg > revisions.svg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if graph && format != "text" {
				return exitcode.With(exitcode.Usage, fmt.Errorf("--graph draws text; it does not combine with --format %s", format))
			}
			r, err := e.runner()
			if err != nil {
				return err
			}
			g := r.Graph()
			var current []string
			needDB := indicate || strings.Contains(rng, "current")
			if needDB {
				err := e.withConn(cmd.Context(), func(conn *pgx.Conn) error {
					current, err = r.Current(cmd.Context(), conn)
					return err
				})
				if err != nil {
					return err
				}
			}
			ids, err := historyRange(g, rng, current)
			if err != nil {
				return wrapGraph(err)
			}
			switch format {
			case "dot":
				writeDot(e.stdout, g, ids, current)
				return nil
			case "mermaid":
				writeMermaid(e.stdout, g, ids, current)
				return nil
			}
			slices.Reverse(ids)
			var isCurrent func(string) (bool, bool)
			if indicate {
				isCurrent = func(id string) (bool, bool) {
					cur := slices.Contains(current, id)
					return cur, cur
				}
			}
			if graph {
				drawGraph(e.stdout, g, ids, func(id string) string {
					return oneLine(g, id, true, false, indicate && slices.Contains(current, id)) + ", " + firstLine(g.Revision(id).Message)
				})
				return nil
			}
			return e.listRevs(g, ids, format, isCurrent,
				func(id string, cur bool) string { return historyLine(g, id, cur) })
		},
	}
	cmd.Flags().StringVarP(&rng, "rev-range", "r", "", "range START:END")
	cmd.Flags().BoolVarP(&indicate, "indicate-current", "i", false, "mark the revisions the database is at")
	cmd.Flags().BoolVar(&graph, "graph", false, "draw the revision graph")
	addFormat(cmd, &format, "dot", "mermaid")
	return cmd
}

// historyRange returns the revisions between start and end (inclusive), in
// topological order.
func historyRange(g *revision.Graph, rng string, current []string) ([]string, error) {
	all := g.Order()
	if rng == "" {
		return all, nil
	}
	start, end, ok := strings.Cut(rng, ":")
	if !ok {
		return nil, exitcode.With(exitcode.Usage, fmt.Errorf("-r must be START:END, got %q", rng))
	}
	resolve := func(spec string) ([]string, error) {
		switch spec {
		case "", "base":
			return nil, nil
		case "heads":
			return g.Heads(), nil
		case "current":
			return current, nil
		}
		id, err := g.Resolve(spec)
		return []string{id}, err
	}
	from, err := resolve(start)
	if err != nil {
		return nil, err
	}
	to, err := resolve(end)
	if err != nil {
		return nil, err
	}
	keep := revision.Set{}
	for _, id := range all {
		keep[id] = true
	}
	if len(from) > 0 {
		keep = g.Descendants(from...)
	}
	if end != "" && end != "heads" {
		anc := g.Ancestors(to...)
		if len(to) == 0 {
			anc = revision.Set{}
		}
		for id := range keep {
			if !anc[id] {
				delete(keep, id)
			}
		}
	}
	if len(keep) == 0 && start != end {
		// A range given newest first ("head:base") is empty; say so
		// rather than list nothing as if there were no revisions.
		if rev, err := historyRange(g, end+":"+start, current); err == nil && len(rev) > 0 {
			return nil, exitcode.With(exitcode.Usage, fmt.Errorf("-r %s lists nothing: START must be the older end; did you mean -r %s:%s?", rng, end, start))
		}
	}
	return g.Sorted(keep), nil
}

func (e *env) headsCmd() *cobra.Command {
	var (
		format  string
		resolve bool
	)
	cmd := &cobra.Command{
		Use:   "heads",
		Short: "List the heads of the revision graph",
		Long: `List the revisions nothing revises, with their branch labels. A revision
that only dependencies point at is an (effective head): it never keeps a
row in the version table once what depends on it is applied.
--resolve-dependencies leaves those out.`,
		Example: "  autogen heads\n  autogen heads --verbose\n  autogen heads --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := e.runner()
			if err != nil {
				return err
			}
			g := r.Graph()
			heads := g.Heads()
			if resolve {
				heads = slices.DeleteFunc(heads, g.IsEffectiveHead)
			}
			return e.listRevs(g, heads, format, nil,
				func(id string, _ bool) string { return oneLine(g, id, true, false, false) })
		},
	}
	cmd.Flags().BoolVar(&resolve, "resolve-dependencies", false, "leave out effective heads, which only dependencies point at")
	addFormat(cmd, &format)
	return cmd
}

func (e *env) branchesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "branches",
		Short: "Show branch points of the revision graph",
		Long: `Show every branch point, newest first, with the revisions it branches
into, as Alembic does; --verbose adds the details and messages.`,
		Example: "  autogen branches",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := e.runner()
			if err != nil {
				return err
			}
			g := r.Graph()
			order := g.Order()
			slices.Reverse(order)
			for _, id := range order {
				if !g.IsBranchPoint(id) {
					continue
				}
				if e.verbose > 0 {
					e.verboseRev(e.stdout, g, id, false)
				} else {
					fmt.Fprintln(e.stdout, oneLine(g, id, true, true, false))
				}
				pad := strings.Repeat(" ", len(id))
				for _, c := range g.Children(id) {
					line := oneLine(g, c, true, true, false)
					if e.verbose > 0 {
						line += ", " + g.Revision(c).Message
					}
					fmt.Fprintf(e.stdout, "%s -> %s\n", pad, line)
				}
				fmt.Fprintln(e.stdout)
			}
			return nil
		},
	}
}

func (e *env) showCmd() *cobra.Command {
	return &cobra.Command{
		Use:               "show REV",
		Short:             "Show the details of a revision",
		Example:           "  autogen show head\n  autogen show 1a2b",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: e.completeRevisions(1, "head", "heads"),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := e.runner()
			if err != nil {
				return err
			}
			g := r.Graph()
			ids := []string{}
			if args[0] == "heads" {
				ids = g.Heads()
			} else {
				id, err := g.Resolve(args[0])
				if err != nil {
					return wrapGraph(err)
				}
				ids = append(ids, id)
			}
			for _, id := range ids {
				e.verboseRev(e.stdout, g, id, false)
			}
			return nil
		},
	}
}

func (e *env) statusCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Summarise the database's position: current, heads, pending count",
		Long: `Print the applied heads, the graph's heads and how many revisions are
pending. Exits 0 when the database is at head, 1 when revisions are pending.
With --schemas, one line per matching tenant schema; it exits 1 when any is
behind.`,
		Example: "  autogen status\n  autogen status --format json\n  autogen status --schemas 'tenant_*'",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(e.schemas) > 0 {
				r, err := e.baseRunner()
				if err != nil {
					return err
				}
				return e.statusSchemas(cmd.Context(), r, format)
			}
			r, err := e.runner()
			if err != nil {
				return err
			}
			return e.withConn(cmd.Context(), func(conn *pgx.Conn) error {
				st, err := r.Status(cmd.Context(), conn)
				if err != nil {
					return err
				}
				if format == "json" {
					if err := writeJSON(e.stdout, statusJSON(st)); err != nil {
						return err
					}
				} else {
					fmt.Fprintf(e.stdout, "current: %s\nheads:   %s\npending: %d\n", orBase(st.Current), orBase(st.Heads), st.Pending)
				}
				if !st.AtHead {
					return exitcode.With(exitcode.Drift, errSilent)
				}
				return nil
			})
		},
	}
	addFormat(cmd, &format)
	return cmd
}

type statusOut struct {
	Current []string `json:"current"`
	Heads   []string `json:"heads"`
	Pending int      `json:"pending"`
	AtHead  bool     `json:"at_head"`
}

func statusJSON(st migrate.Status) statusOut {
	return statusOut{Current: nonNil(st.Current), Heads: nonNil(st.Heads), Pending: st.Pending, AtHead: st.AtHead}
}

// describeCmd prints the whole graph as JSON, for the autogen CLI.
func (e *env) describeCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "describe",
		Short:   "Print the revision graph as JSON",
		Long:    "Print every revision (in the JSON form of history, docs/json.md) and the heads, for the autogen command line.",
		Example: "  bin/migrate describe | jq -r '.heads[]'",
		Hidden:  true,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := e.reg.Graph()
			if err != nil {
				return wrapGraph(err)
			}
			out := struct {
				Revisions []revJSON `json:"revisions"`
				Heads     []string  `json:"heads"`
			}{Revisions: []revJSON{}, Heads: nonNil(g.Heads())}
			for _, id := range g.Order() {
				out.Revisions = append(out.Revisions, e.revJSON(g, id))
			}
			return writeJSON(e.stdout, out)
		},
	}
}
