package runner

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/revision"
)

// drawGraph writes the revisions ids (a range of g) newest first, as `git
// log --graph` draws commits: a column per open line of descent, "*" on
// the revision's own, "|/" where two lines meet at a branch point and
// "|\" where a merge opens a second one. line renders the text after the
// graph.
func drawGraph(w io.Writer, g *revision.Graph, ids []string, line func(id string) string) {
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	var lanes []string
	row := func(cells map[int]byte, width int) string {
		b := []byte(strings.Repeat(" ", width))
		for i, c := range cells {
			if i < width {
				b[i] = c
			}
		}
		return strings.TrimRight(string(b), " ")
	}
	for _, id := range ids {
		c := slices.Index(lanes, id)
		if c < 0 {
			lanes = append(lanes, id)
			c = len(lanes) - 1
		}
		// Lines that also wait for this revision end here, before it is
		// drawn: it is a branch point, and they join its line.
		for j := len(lanes) - 1; j > c; j-- {
			if lanes[j] != id {
				continue
			}
			cells := map[int]byte{}
			for i := range lanes {
				switch {
				case i < j:
					cells[2*i] = '|'
				default:
					cells[2*i-1] = '/'
				}
			}
			fmt.Fprintln(w, row(cells, 2*len(lanes)))
			lanes = slices.Delete(lanes, j, j+1)
		}

		cells := map[int]byte{}
		for i := range lanes {
			cells[2*i] = '|'
		}
		cells[2*c] = '*'
		fmt.Fprintf(w, "%s %s\n", row(cells, 2*len(lanes)), line(id))

		// The revision's own line goes on to its first parent; a merge
		// opens a line for each further parent not already drawn.
		var parents []string
		for _, p := range g.Revision(id).Revises {
			if keep[p] {
				parents = append(parents, p)
			}
		}
		if len(parents) == 0 {
			lanes = slices.Delete(lanes, c, c+1)
			continue
		}
		lanes[c] = parents[0]
		for k, p := range parents[1:] {
			if slices.Contains(lanes, p) {
				continue
			}
			at := c + 1 + k
			cells := map[int]byte{}
			for i := range lanes {
				switch {
				case i <= c:
					cells[2*i] = '|'
				default:
					cells[2*i+1] = '\\'
				}
			}
			cells[2*c+1] = '\\'
			lanes = slices.Insert(lanes, at, p)
			fmt.Fprintln(w, row(cells, 2*len(lanes)))
		}
	}
}

// writeDot writes the revisions as a Graphviz digraph: an edge from each
// parent to its child, dashed from a dependency; heads drawn bold and the
// current revisions filled.
func writeDot(w io.Writer, g *revision.Graph, ids []string, current []string) {
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	quote := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	fmt.Fprintln(w, "digraph revisions {")
	fmt.Fprintln(w, "  rankdir=BT;")
	fmt.Fprintln(w, `  node [shape=box, fontname="monospace"];`)
	for _, id := range ids {
		r := g.Revision(id)
		label := id + labelMarks(g, id) + "\n" + firstLine(r.Message)
		var attrs []string
		attrs = append(attrs, "label="+quote(label))
		if g.IsHead(id) {
			attrs = append(attrs, "penwidth=2")
		}
		if slices.Contains(current, id) {
			attrs = append(attrs, "style=filled", `fillcolor="#d0f0d0"`)
		}
		fmt.Fprintf(w, "  %s [%s];\n", quote(id), strings.Join(attrs, ", "))
	}
	for _, id := range ids {
		r := g.Revision(id)
		for _, p := range r.Revises {
			if keep[p] {
				fmt.Fprintf(w, "  %s -> %s;\n", quote(p), quote(id))
			}
		}
		for _, d := range r.DependsOn {
			if dep, err := g.Resolve(d); err == nil && keep[dep] {
				fmt.Fprintf(w, "  %s -> %s [style=dashed];\n", quote(dep), quote(id))
			}
		}
	}
	fmt.Fprintln(w, "}")
}

// writeMermaid writes the revisions as a Mermaid flowchart, for Markdown
// docs that render it: an arrow from each parent to its child, dotted from
// a dependency; heads and the current revisions styled.
func writeMermaid(w io.Writer, g *revision.Graph, ids []string, current []string) {
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	node := func(id string) string { return "r_" + id }
	text := func(s string) string {
		return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;").Replace(s)
	}
	fmt.Fprintln(w, "flowchart BT")
	var heads, cur []string
	for _, id := range ids {
		r := g.Revision(id)
		fmt.Fprintf(w, "  %s[\"%s<br/>%s\"]\n", node(id), text(id+labelMarks(g, id)), text(firstLine(r.Message)))
		if g.IsHead(id) {
			heads = append(heads, node(id))
		}
		if slices.Contains(current, id) {
			cur = append(cur, node(id))
		}
	}
	for _, id := range ids {
		r := g.Revision(id)
		for _, p := range r.Revises {
			if keep[p] {
				fmt.Fprintf(w, "  %s --> %s\n", node(p), node(id))
			}
		}
		for _, d := range r.DependsOn {
			if dep, err := g.Resolve(d); err == nil && keep[dep] {
				fmt.Fprintf(w, "  %s -.-> %s\n", node(dep), node(id))
			}
		}
	}
	fmt.Fprintln(w, "  classDef head stroke-width:3px")
	fmt.Fprintln(w, "  classDef current fill:#d0f0d0")
	if len(heads) > 0 {
		fmt.Fprintf(w, "  class %s head\n", strings.Join(heads, ","))
	}
	if len(cur) > 0 {
		fmt.Fprintf(w, "  class %s current\n", strings.Join(cur, ","))
	}
}
