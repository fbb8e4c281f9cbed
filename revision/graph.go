package revision

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Graph is a validated set of revisions linked by their parents (Revises)
// and dependencies (DependsOn). It is immutable and safe for concurrent use.
type Graph struct {
	revs     map[string]*Revision
	order    []string       // topological order, parents and dependencies first
	pos      map[string]int // index in order
	children map[string][]string
	// dependents maps a revision to those that depend on it (DependsOn).
	dependents map[string][]string
	labels     map[string]string // branch label -> revision carrying it

	labelsOnce sync.Once
	allLabels  map[string][]string // revision -> labels that apply to it
}

// NewGraph validates revisions and builds their graph. It reports, as
// *GraphError, an empty or duplicate id, a parent or dependency that does not
// exist, a branch label used twice, and a cycle.
func NewGraph(revs []*Revision) (*Graph, error) {
	g := &Graph{
		revs:       map[string]*Revision{},
		pos:        map[string]int{},
		children:   map[string][]string{},
		dependents: map[string][]string{},
		labels:     map[string]string{},
	}
	for _, r := range revs {
		if r == nil || r.ID == "" {
			return nil, &GraphError{Problem: "a revision has an empty ID"}
		}
		if strings.ContainsAny(r.ID, "@:+- \t") || r.ID == "head" || r.ID == "heads" || r.ID == "base" {
			return nil, &GraphError{Revision: r.ID, Problem: "the ID is reserved or contains one of @ : + - or a space"}
		}
		if _, dup := g.revs[r.ID]; dup {
			return nil, &GraphError{Revision: r.ID, Problem: "the ID is declared by two revisions"}
		}
		g.revs[r.ID] = r
	}
	for _, r := range revs {
		for _, p := range r.Revises {
			if _, ok := g.revs[p]; !ok {
				return nil, &GraphError{Revision: r.ID, Problem: fmt.Sprintf("its parent %s does not exist", p)}
			}
			if p == r.ID {
				return nil, &GraphError{Revision: r.ID, Problem: "it revises itself"}
			}
			g.children[p] = append(g.children[p], r.ID)
		}
		for _, d := range r.DependsOn {
			if _, ok := g.revs[d]; !ok {
				if owner, isLabel := g.labelOwner(revs, d); isLabel {
					d = owner
				} else {
					return nil, &GraphError{Revision: r.ID, Problem: fmt.Sprintf("it depends on %s, which does not exist", d)}
				}
			}
			g.dependents[d] = append(g.dependents[d], r.ID)
		}
		for _, l := range r.BranchLabels {
			if other, dup := g.labels[l]; dup {
				return nil, &GraphError{Revision: r.ID, Problem: fmt.Sprintf("branch label %q is also used by %s", l, other)}
			}
			if _, clash := g.revs[l]; clash {
				return nil, &GraphError{Revision: r.ID, Problem: fmt.Sprintf("branch label %q is also a revision id", l)}
			}
			g.labels[l] = r.ID
		}
	}
	for _, m := range []map[string][]string{g.children, g.dependents} {
		for k := range m {
			slices.Sort(m[k])
		}
	}
	if err := g.sort(); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *Graph) labelOwner(revs []*Revision, label string) (string, bool) {
	for _, r := range revs {
		if slices.Contains(r.BranchLabels, label) {
			return r.ID, true
		}
	}
	return "", false
}

// deps returns the parents and dependencies of id: what must be applied
// before it.
func (g *Graph) deps(id string) []string {
	r := g.revs[id]
	out := slices.Clone(r.Revises)
	for _, d := range r.DependsOn {
		if _, ok := g.revs[d]; !ok {
			d = g.labels[d]
		}
		out = append(out, d)
	}
	return out
}

// sort computes the topological order with Kahn's algorithm, taking the
// smallest ready id first, so every machine gets the same order.
func (g *Graph) sort() error {
	indeg := map[string]int{}
	var ready []string
	for id := range g.revs {
		indeg[id] = len(g.deps(id))
		if indeg[id] == 0 {
			ready = append(ready, id)
		}
	}
	for len(ready) > 0 {
		slices.Sort(ready)
		id := ready[0]
		ready = ready[1:]
		g.pos[id] = len(g.order)
		g.order = append(g.order, id)
		for _, next := range g.after(id) {
			indeg[next]--
			if indeg[next] == 0 {
				ready = append(ready, next)
			}
		}
	}
	if len(g.order) != len(g.revs) {
		var stuck []string
		for id, n := range indeg {
			if n > 0 {
				stuck = append(stuck, id)
			}
		}
		slices.Sort(stuck)
		return &GraphError{Revision: stuck[0], Problem: "it is part of a cycle (" + strings.Join(stuck, ", ") + ")"}
	}
	return nil
}

// after returns the revisions that have id as a parent or dependency, each
// once per edge.
func (g *Graph) after(id string) []string {
	return append(slices.Clone(g.children[id]), g.dependents[id]...)
}

// DownRevisions returns what Alembic calls a revision's normalized down
// revisions: its parents, then each dependency (a label resolved to its
// revision) that no parent already needs. It is what upgrade and downgrade
// logs show on the far side of the arrow.
func (g *Graph) DownRevisions(id string) []string {
	r := g.revs[id]
	out := slices.Clone(r.Revises)
	below := g.Ancestors(r.Revises...)
	for _, d := range g.deps(id)[len(r.Revises):] {
		if !below[d] && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// Len returns the number of revisions.
func (g *Graph) Len() int { return len(g.order) }

// Revision returns the revision with exactly this id, or nil.
func (g *Graph) Revision(id string) *Revision { return g.revs[id] }

// Order returns every revision id in topological order: parents and
// dependencies before the revisions that need them.
func (g *Graph) Order() []string { return slices.Clone(g.order) }

// Children returns the revisions that name id as a parent.
func (g *Graph) Children(id string) []string { return slices.Clone(g.children[id]) }

// Heads returns the revisions no other revision revises, in topological
// order. As in Alembic, a revision that only other revisions depend on
// (DependsOn) is still a head, an "effective head": `heads` lists it and
// "head" is ambiguous while it exists.
func (g *Graph) Heads() []string {
	var out []string
	for _, id := range g.order {
		if len(g.children[id]) == 0 {
			out = append(out, id)
		}
	}
	return out
}

// IsHead reports whether no revision revises id.
func (g *Graph) IsHead(id string) bool { return len(g.children[id]) == 0 }

// IsEffectiveHead reports whether no revision revises id but some revision
// depends on it. Alembic marks such a revision "(effective head)": it never
// stays in the version table once a revision that depends on it is applied.
func (g *Graph) IsEffectiveHead(id string) bool {
	return len(g.children[id]) == 0 && len(g.dependents[id]) > 0
}

// Dependents returns the revisions that depend on id (DependsOn), without
// being its children.
func (g *Graph) Dependents(id string) []string { return slices.Clone(g.dependents[id]) }

// Bases returns the revisions without parents, in topological order.
func (g *Graph) Bases() []string {
	var out []string
	for _, id := range g.order {
		if len(g.revs[id].Revises) == 0 {
			out = append(out, id)
		}
	}
	return out
}

// IsBranchPoint reports whether several revisions revise id.
func (g *Graph) IsBranchPoint(id string) bool { return len(g.children[id]) > 1 }

// Set is a set of revision ids.
type Set map[string]bool

// Clone returns a copy of the set.
func (s Set) Clone() Set {
	out := make(Set, len(s))
	for id := range s {
		out[id] = true
	}
	return out
}

// Ancestors returns ids together with everything they need: parents and
// dependencies, transitively.
func (g *Graph) Ancestors(ids ...string) Set { return closure(ids, g.deps) }

// Descendants returns ids together with every revision that needs them,
// transitively.
func (g *Graph) Descendants(ids ...string) Set { return closure(ids, g.after) }

// closure returns ids together with everything reachable from them by
// following next.
func closure(ids []string, next func(string) []string) Set {
	out := Set{}
	stack := slices.Clone(ids)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[id] {
			continue
		}
		out[id] = true
		stack = append(stack, next(id)...)
	}
	return out
}

// Sorted returns the ids of s in topological order.
func (g *Graph) Sorted(s Set) []string {
	out := make([]string, 0, len(s))
	for id := range s {
		out = append(out, id)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(g.pos[a], g.pos[b]) })
	return out
}

// HeadsOf returns the members of an applied set that no other member needs,
// as a parent or as a dependency: the rows the version table holds for that
// set, in topological order. This is Alembic's rule: applying a revision
// that depends on another branch's head consumes that head's row, as a merge
// would, so a revision that only others depend on leaves the table.
func (g *Graph) HeadsOf(applied Set) []string {
	var out []string
	for _, id := range g.Sorted(applied) {
		if !slices.ContainsFunc(g.after(id), func(c string) bool { return applied[c] }) {
			out = append(out, id)
		}
	}
	return out
}

// BranchHeadsOf returns the members of an applied set that no other member
// revises (dependencies do not count), in topological order: the tip of
// every branch the set reaches, which is what `current` shows, as Alembic's
// `current` shows them. It differs from HeadsOf only for a revision other
// applied revisions depend on without revising it.
func (g *Graph) BranchHeadsOf(applied Set) []string {
	var out []string
	for _, id := range g.Sorted(applied) {
		if !slices.ContainsFunc(g.children[id], func(c string) bool { return applied[c] }) {
			out = append(out, id)
		}
	}
	return out
}

// BranchLabels returns the branch labels that apply to id, sorted. As in
// Alembic, a label given to a revision applies to that revision, to every
// revision descending from it through parents, and to its ancestors down to
// the nearest branch point or merge point, so that `history` shows the
// label on every revision of the branch.
func (g *Graph) BranchLabels(id string) []string {
	return slices.Clone(g.branchLabels()[id])
}

// branchLabels computes the labels of every revision once.
func (g *Graph) branchLabels() map[string][]string {
	g.labelsOnce.Do(func() {
		sets := map[string]Set{}
		add := func(id, label string) {
			if sets[id] == nil {
				sets[id] = Set{}
			}
			sets[id][label] = true
		}
		for label, owner := range g.labels {
			for id := range g.branch(owner) {
				add(id, label)
			}
			// Walk down through single parents. A revision with several
			// children or dependents, or with several parents, belongs
			// to more than one line and keeps only its own labels.
			for p := owner; ; {
				r := g.revs[p]
				if len(r.Revises) != 1 {
					break
				}
				p = r.Revises[0]
				if len(g.after(p)) > 1 || len(g.revs[p].Revises) > 1 {
					break
				}
				add(p, label)
			}
		}
		g.allLabels = map[string][]string{}
		for id, s := range sets {
			var ls []string
			for l := range s {
				ls = append(ls, l)
			}
			slices.Sort(ls)
			g.allLabels[id] = ls
		}
	})
	return g.allLabels
}

// Resolve finds the revision a specifier names: a full id, a unique id
// prefix, a branch label, "LABEL@head", or "head" when there is exactly one
// head. Use UpgradePlan and DowngradePlan for relative and multi-revision
// targets.
func (g *Graph) Resolve(spec string) (string, error) {
	switch spec {
	case "head":
		heads := g.Heads()
		if len(heads) > 1 {
			return "", &MultipleHeadsError{Heads: heads}
		}
		if len(heads) == 0 {
			return "", &ResolveError{Spec: spec, Err: ErrUnknownRevision}
		}
		return heads[0], nil
	case "base", "heads", "":
		return "", &ResolveError{Spec: spec, Err: ErrUnknownRevision}
	}
	if label, rest, ok := strings.Cut(spec, "@"); ok {
		if rest != "head" {
			return "", &ResolveError{Spec: spec, Err: ErrUnknownRevision}
		}
		return g.branchHead(label)
	}
	if _, ok := g.revs[spec]; ok {
		return spec, nil
	}
	if id, ok := g.labels[spec]; ok {
		return id, nil
	}
	var matches []string
	for _, id := range g.order {
		if strings.HasPrefix(id, spec) {
			matches = append(matches, id)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return "", &ResolveError{Spec: spec, Err: ErrUnknownRevision}
	}
	slices.Sort(matches)
	return "", &ResolveError{Spec: spec, Matches: matches, Err: ErrAmbiguousRevision}
}

// branchHead returns the single head reachable from the revision a label or
// id names.
func (g *Graph) branchHead(spec string) (string, error) {
	root, err := g.Resolve(spec)
	if err != nil {
		return "", err
	}
	var heads []string
	for id := range g.branch(root) {
		if len(g.children[id]) == 0 {
			heads = append(heads, id)
		}
	}
	heads = g.Sorted(toSet(heads))
	if len(heads) != 1 {
		return "", &MultipleHeadsError{Heads: heads}
	}
	return heads[0], nil
}

// branch returns root and the revisions descending from it through parents.
func (g *Graph) branch(root string) Set {
	out := Set{}
	stack := []string{root}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[id] {
			continue
		}
		out[id] = true
		stack = append(stack, g.children[id]...)
	}
	return out
}

func toSet(ids []string) Set {
	s := Set{}
	for _, id := range ids {
		s[id] = true
	}
	return s
}

// parseRelative splits "-N", "+N", "REV+N", "REV-N", "LABEL@+N" and
// "LABEL@-N" into the anchor and a signed step count. A revision id or
// branch label spelled exactly as spec is never relative, so a label such as
// "release-1" keeps meaning the label.
func (g *Graph) parseRelative(spec string) (anchor string, steps int, ok bool) {
	if _, isID := g.revs[spec]; isID {
		return "", 0, false
	}
	if _, isLabel := g.labels[spec]; isLabel {
		return "", 0, false
	}
	i := strings.LastIndexAny(spec, "+-")
	if i < 0 || i == len(spec)-1 {
		return "", 0, false
	}
	n, err := strconv.Atoi(spec[i+1:])
	if err != nil || n <= 0 {
		return "", 0, false
	}
	if spec[i] == '-' {
		n = -n
	}
	return spec[:i], n, true
}
