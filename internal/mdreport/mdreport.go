// Package mdreport writes the Markdown summaries a CI bot posts on a pull
// request: `autogen diff --format markdown` (the changes a revision would
// hold, their hazards by severity, the SQL in a collapsed block) and
// `autogen lint --format markdown` (the hazards of pending revisions). It
// uses only the standard library and op, so that the runner links it.
package mdreport

import (
	"fmt"
	"io"
	"strings"

	"github.com/autogen-dev/autogen/op"
)

// Severity ranks a hazard kind for reviewers: "high" when data is lost or
// cannot come back, "medium" when production traffic waits (rewrites,
// scans and index builds under locks), "low" when the statement may fail
// and roll back, or does what autogen cannot see.
func Severity(k op.HazardKind) string {
	switch k {
	case op.DeletesData, op.Irreversible:
		return "high"
	case op.RewritesTable, op.LocksForScan, op.BlocksWrites:
		return "medium"
	}
	return "low"
}

// severityMark shows a severity at a glance in rendered Markdown.
var severityMark = map[string]string{"high": "🔴", "medium": "🟠", "low": "🟡"}

// Change is one detected change with its hazards.
type Change struct {
	Description string
	Hazards     []op.Hazard
}

// Diff writes the summary of a comparison: a heading with the count, a
// table of changes with their hazard kinds, the hazards by severity, and
// the SQL in a collapsed block.
func Diff(w io.Writer, changes []Change, sql []string) {
	if len(changes) == 0 {
		fmt.Fprintln(w, "### ✅ autogen: the database matches the schema")
		return
	}
	fmt.Fprintf(w, "### autogen: %s\n\n", plural(len(changes), "schema change"))
	fmt.Fprintln(w, "| # | change | hazards |")
	fmt.Fprintln(w, "|---|---|---|")
	var hs []op.Hazard
	for i, c := range changes {
		var kinds []string
		for _, k := range op.Kinds(c.Hazards) {
			kinds = append(kinds, severityMark[Severity(k)]+" `"+string(k)+"`")
		}
		fmt.Fprintf(w, "| %d | %s | %s |\n", i+1, cell(c.Description), strings.Join(kinds, " "))
		hs = append(hs, c.Hazards...)
	}
	fmt.Fprintln(w)
	hazards(w, hs, nil)
	fmt.Fprintf(w, "<details><summary>SQL (%s)</summary>\n\n```sql\n", plural(len(sql), "statement"))
	for _, s := range sql {
		fmt.Fprintln(w, strings.TrimSpace(s)+";")
	}
	fmt.Fprintln(w, "```\n\n</details>")
}

// Finding is one hazard of a revision for Lint, acknowledged or not.
type Finding struct {
	op.Hazard
	// Operation describes where: "3 op.DropColumn".
	Operation    string
	Acknowledged bool
}

// Revision is a linted revision and its findings.
type Revision struct {
	ID, Message string
	Findings    []Finding
}

// Lint writes the hazards of the linted revisions, a section per revision
// that has any, and a verdict.
func Lint(w io.Writer, revs []Revision) {
	bad := 0
	for _, r := range revs {
		for _, f := range r.Findings {
			if !f.Acknowledged {
				bad++
			}
		}
	}
	switch {
	case bad == 0:
		fmt.Fprintf(w, "### ✅ autogen lint: %s checked, no unacknowledged hazards\n", plural(len(revs), "revision"))
	default:
		fmt.Fprintf(w, "### autogen lint: %s in %s\n", plural(bad, "unacknowledged hazard"), plural(len(revs), "revision"))
	}
	for _, r := range revs {
		if len(r.Findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n#### `%s` %s\n\n", r.ID, cell(firstLine(r.Message)))
		var hs []op.Hazard
		var where []string
		var acked []bool
		for _, f := range r.Findings {
			hs = append(hs, f.Hazard)
			where = append(where, f.Operation)
			acked = append(acked, f.Acknowledged)
		}
		hazards(w, hs, func(i int) string {
			s := " (" + where[i] + ")"
			if acked[i] {
				s += " — acknowledged in AllowHazards"
			}
			return s
		})
	}
	if bad > 0 {
		fmt.Fprintln(w, "Acknowledge a hazard with `AllowHazards` in its revision, or make the change safer.")
	}
}

// hazards lists hazards from the most to the least severe, each with its
// kind and message and what note says of it.
func hazards(w io.Writer, hs []op.Hazard, note func(i int) string) {
	if len(hs) == 0 {
		fmt.Fprintln(w, "No hazards.")
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(w, "**Hazards**")
	fmt.Fprintln(w)
	for _, sev := range []string{"high", "medium", "low"} {
		for i, h := range hs {
			if Severity(h.Kind) != sev {
				continue
			}
			n := ""
			if note != nil {
				n = note(i)
			}
			fmt.Fprintf(w, "- %s **%s** `%s`: %s%s\n", severityMark[sev], sev, h.Kind, cell(h.Message), n)
		}
	}
	fmt.Fprintln(w)
}

// cell makes text safe inside a table cell or a list item.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
