package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/mdreport"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/internal/settle"
	"github.com/autogen-dev/autogen/internal/term"
	"github.com/autogen-dev/autogen/op"
)

// The autogen command line follows the runner's output rules (package
// runner, output.go): results go to standard output, progress and
// diagnostics to standard error; colour only on a terminal (never with
// NO_COLOR, TERM=dumb or --color=never); -q leaves nothing but errors and
// results, -v adds the SQL.

// style returns the output style of w under --color and the environment.
func (a *App) style(w io.Writer) term.Style { return term.For(w, a.color, a.Getenv) }

// hazardKind renders a hazard kind: red when its severity is high (data
// loss), yellow otherwise.
func hazardKind(st term.Style, k op.HazardKind) string {
	if mdreport.Severity(k) == "high" {
		return st.Red(string(k))
	}
	return st.Yellow(string(k))
}

// printDetected prints one "Detected ..." line per change of a comparison,
// as Alembic logs its autogenerate findings, and with -v the upgrade's SQL.
// -q prints nothing.
func (a *App) printDetected(c *autogenerate.Result) {
	if a.quiet {
		return
	}
	st := a.style(a.Stderr)
	for _, ch := range c.Up {
		fmt.Fprintf(a.Stderr, "%s %s\n", st.Bold("Detected"), ch.Describe())
	}
	if a.verbose > 0 && len(c.Up) > 0 {
		a.printSQL(a.Stderr, c.UpPlan)
	}
}

// printSettled reports, with -v, how many expressions were compared and
// what the server said of the disputed ones; without -v only that a
// comparison stayed approximate.
func (a *App) printSettled(r *settle.Report) {
	if a.quiet {
		return
	}
	if a.verbose == 0 {
		if r.Approximate && r.Disputed() > 0 {
			fmt.Fprintf(a.Stderr, "Note: %d expression(s) are spelled differently by schema.sql and the database and were compared without the server (%s); the comparison of these is approximate.\n",
				r.Disputed(), r.Reason)
		}
		return
	}
	fmt.Fprintln(a.Stderr, r.Summary())
	for _, it := range r.Items {
		line := fmt.Sprintf("  %s of %s: %s", it.Kind, it.Object, it.Verdict)
		if it.Reason != "" {
			line += " (" + it.Reason + ")"
		}
		fmt.Fprintln(a.Stderr, line)
		if a.verbose > 1 {
			// -vv shows the forms compared, for a report of a dispute
			// settled the wrong way.
			fmt.Fprintf(a.Stderr, "    schema.sql: %s\n    database:   %s\n", it.Desired, it.Current)
			if it.Server != "" {
				fmt.Fprintf(a.Stderr, "    server:     %s\n", it.Server)
			}
		}
	}
}

// printSQL prints a plan's statements indented and dim, for -v.
func (a *App) printSQL(w io.Writer, p *plan.Plan) {
	st := a.style(w)
	stmts, err := p.SQL()
	if err != nil {
		fmt.Fprintf(w, "  (the SQL cannot be rendered: %v)\n", err)
		return
	}
	fmt.Fprintln(w, "Upgrade SQL:")
	for _, s := range stmts {
		fmt.Fprintln(w, st.Dim("  "+strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n  ")+";"))
	}
}

// summary prints counts of changes by kind and the hazards, at the end of
// `revision`, so that a reviewer sees at a glance what the file holds.
func (a *App) summary(c *autogenerate.Result) {
	if a.quiet {
		return
	}
	st := a.style(a.Stderr)
	counts := map[string]int{}
	var kinds []string
	for _, ch := range c.Up {
		k := strings.TrimPrefix(fmt.Sprintf("%T", ch), "diff.")
		if counts[k] == 0 {
			kinds = append(kinds, k)
		}
		counts[k]++
	}
	slices.Sort(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	fmt.Fprintf(a.Stderr, "%s %d change(s): %s\n", st.Bold("Summary:"), len(c.Up), strings.Join(parts, ", "))
	hz := c.UpPlan.Hazards()
	if len(hz) == 0 {
		fmt.Fprintf(a.Stderr, "%s %s\n", st.Bold("Hazards:"), st.Green("none"))
		return
	}
	fmt.Fprintln(a.Stderr, st.Bold("Hazards:"))
	for _, h := range hz {
		fmt.Fprintf(a.Stderr, "  %s: %s\n", hazardKind(st, h.Kind), h.Message)
	}
}

// printChanges lists a plan's changes with their hazards, as diff and
// check print them.
func (a *App) printChanges(w io.Writer, p *plan.Plan) {
	st := a.style(w)
	for _, s := range p.Steps {
		if s.Change == nil {
			continue
		}
		fmt.Fprintf(w, "%s\n", s.Change.Describe())
		for _, h := range s.Hazards {
			fmt.Fprintf(w, "    hazard %s: %s\n", hazardKind(st, h.Kind), h.Message)
		}
	}
}

// runnerFlags passes the output flags on to a runner that autogen runs for
// its own purposes (describe, stairway, the upgrade of check --dev).
func (a *App) runnerFlags() []string {
	var out []string
	if a.quiet {
		out = append(out, "-q")
	}
	for range a.verbose {
		out = append(out, "-v")
	}
	if a.color != "" && a.color != term.Auto {
		out = append(out, "--color="+a.color)
	}
	return out
}
