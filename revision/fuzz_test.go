package revision_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/autogen-dev/autogen/revision"
)

// revisionsFrom decodes bytes into revisions. Ids, parents, dependencies
// and branch labels come from small pools, so that duplicates, missing
// parents, cycles, self references, shared labels and merges are common.
func revisionsFrom(data []byte) []*revision.Revision {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	id := func() string {
		n := next()
		if n%17 == 16 {
			return "" // an empty id
		}
		return fmt.Sprintf("r%x", n%16)
	}
	labels := []string{"main", "feature", "r1", "head", "base", "a@b"}
	n := next() % 12
	var out []*revision.Revision
	for range n {
		r := &revision.Revision{ID: id()}
		for range next() % 4 {
			r.Revises = append(r.Revises, id())
		}
		for range next() % 3 {
			if next()%2 == 0 {
				r.DependsOn = append(r.DependsOn, id())
			} else {
				r.DependsOn = append(r.DependsOn, labels[next()%len(labels)])
			}
		}
		for range next() % 2 {
			r.BranchLabels = append(r.BranchLabels, labels[next()%len(labels)])
		}
		out = append(out, r)
	}
	return out
}

// FuzzNewGraph checks that building a graph from any revisions gives a
// graph or an error, never a panic, and that a graph it accepts is
// consistent: a topological order of every revision, heads without
// children, upgrade and downgrade plans that apply and undo everything once,
// and targets that resolve or fail cleanly.
func FuzzNewGraph(f *testing.F) {
	for _, seed := range [][]byte{
		{},
		{1, 0, 0, 0, 0}, // one base revision
		{3, 0, 0, 0, 0, 1, 1, 0, 0, 0, 2, 1, 1, 0, 0}, // a line of three
		{3, 0, 0, 0, 0, 1, 1, 0, 0, 0, 2, 2, 0, 1, 0}, // a merge
		{2, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0},             // a revision revising itself
		{2, 1, 0, 0, 0, 1, 0, 0, 0},                   // a duplicate id
		{2, 0, 0, 1, 1, 3, 0, 1, 0, 0, 1, 1, 0},       // dependencies on a label
		{4, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 2, 1, 0, 0, 1, 1, 3, 1, 1, 0, 0},
		{2, 16, 0, 0, 0, 1, 1, 16, 0, 0}, // an empty id
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		revs := revisionsFrom(data)
		g, err := revision.NewGraph(revs)
		if err != nil {
			return
		}
		order := g.Order()
		if len(order) != g.Len() || g.Len() != len(revs) {
			t.Fatalf("order %v has %d of %d revisions", order, len(order), len(revs))
		}
		pos := map[string]int{}
		for i, id := range order {
			pos[id] = i
		}
		for _, r := range revs {
			for _, p := range append(slices.Clone(r.Revises), g.Revision(r.ID).DependsOn...) {
				if i, ok := pos[p]; ok && i >= pos[r.ID] {
					t.Fatalf("%s comes before its parent or dependency %s in %v", r.ID, p, order)
				}
			}
		}
		for _, h := range g.Heads() {
			if len(g.Children(h)) != 0 {
				t.Fatalf("head %s has children", h)
			}
		}
		up, err := g.UpgradePlan(revision.Set{}, "heads")
		if err != nil {
			t.Fatalf("upgrade to heads: %v", err)
		}
		if len(up) != g.Len() {
			t.Fatalf("upgrade to heads applies %d of %d revisions", len(up), g.Len())
		}
		all := g.Ancestors(g.Heads()...)
		down, err := g.DowngradePlan(all, "base")
		if err != nil {
			t.Fatalf("downgrade to base: %v", err)
		}
		if len(down) != g.Len() {
			t.Fatalf("downgrade to base undoes %d of %d revisions", len(down), g.Len())
		}
		// Targets resolve or fail; none may panic.
		for _, spec := range []string{"head", "heads", "base", "+1", "-1", "main@head", "r1", "r", "r1+1", "r2-1", "feature@+1", ""} {
			if id, err := g.Resolve(spec); err == nil && id != "" && g.Revision(id) == nil {
				t.Fatalf("Resolve(%q) = %q, which is no revision", spec, id)
			}
			_, _ = g.UpgradePlan(revision.Set{}, spec)
			_, _ = g.DowngradePlan(all, spec)
			_, _ = g.StampTargets(spec)
		}
		g.HeadsOf(all)
		g.BranchHeadsOf(all)
	})
}
