package revision

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrNotApplied is returned when a downgrade target is not applied.
var ErrNotApplied = errors.New("revision is not applied")

// ErrNoSteps is returned when a relative target asks for more steps than
// the graph has.
var ErrNoSteps = errors.New("relative revision does not exist")

// UpgradePlan returns, in order, the revisions to apply to a database whose
// applied revisions are applied (with all their ancestors) so that it
// reaches target. Targets are "head", "heads", a revision (id, prefix or
// branch label), "LABEL@head", "+N", "REV+N" and "LABEL@+N". A target that
// is already applied gives an empty plan.
func (g *Graph) UpgradePlan(applied Set, target string) ([]string, error) {
	// With no revisions at all, head is base: there is nothing to do, as
	// in Alembic.
	if target == "heads" || target == "head" && g.Len() == 0 {
		return g.missing(applied, g.Heads()...), nil
	}
	if anchor, n, ok := g.parseRelative(target); ok {
		if n < 0 {
			return nil, fmt.Errorf("upgrade target %q goes backwards; use downgrade", target)
		}
		switch {
		case anchor == "":
			return g.stepForward(applied, n, nil, target)
		case strings.HasSuffix(anchor, "@"):
			branch, err := g.branchSet(strings.TrimSuffix(anchor, "@"))
			if err != nil {
				return nil, err
			}
			return g.stepForward(applied, n, branch, target)
		default:
			from, err := g.Resolve(anchor)
			if err != nil {
				return nil, err
			}
			to, err := g.walkChildren(from, n, target)
			if err != nil {
				return nil, err
			}
			return g.missing(applied, to), nil
		}
	}
	id, err := g.Resolve(target)
	if err != nil {
		return nil, err
	}
	return g.missing(applied, id), nil
}

// missing returns the ancestors of targets that are not applied, in order.
func (g *Graph) missing(applied Set, targets ...string) []string {
	want := g.Ancestors(targets...)
	var out []string
	for _, id := range g.Sorted(want) {
		if !applied[id] {
			out = append(out, id)
		}
	}
	return out
}

// stepForward picks n revisions one at a time; each must be the only one
// whose parents and dependencies are all applied (within a branch, when
// given).
func (g *Graph) stepForward(applied Set, n int, within Set, spec string) ([]string, error) {
	cur := Set{}
	for id := range applied {
		cur[id] = true
	}
	var out []string
	for range n {
		var ready []string
		for _, id := range g.order {
			if cur[id] || (within != nil && !within[id]) {
				continue
			}
			if !slices.ContainsFunc(g.deps(id), func(d string) bool { return !cur[d] }) {
				ready = append(ready, id)
			}
		}
		switch len(ready) {
		case 0:
			return nil, fmt.Errorf("%w: %q asks for %d revisions but only %d remain", ErrNoSteps, spec, n, len(out))
		case 1:
		default:
			return nil, fmt.Errorf("%w: %q: the next revision could be any of %s; name a revision or branch label", ErrMultipleHeads, spec, strings.Join(ready, ", "))
		}
		cur[ready[0]] = true
		out = append(out, ready[0])
	}
	return out, nil
}

// walkChildren follows single children from id, n times.
func (g *Graph) walkChildren(id string, n int, spec string) (string, error) {
	for i := 0; i < n; i++ {
		kids := g.children[id]
		switch len(kids) {
		case 0:
			return "", fmt.Errorf("%w: %q goes past head %s", ErrNoSteps, spec, id)
		case 1:
			id = kids[0]
		default:
			return "", fmt.Errorf("%w: %q: %s is a branch point (%s)", ErrMultipleHeads, spec, id, strings.Join(kids, ", "))
		}
	}
	return id, nil
}

// walkParents follows single parents from id, n times. Walking past a base
// gives "" (base) together with that base revision, since undoing down to
// base means undoing the base revision and everything that needs it.
func (g *Graph) walkParents(id string, n int, spec string) (to, base string, err error) {
	for i := 0; i < n; i++ {
		if id == "" {
			return "", "", fmt.Errorf("%w: %q goes below base", ErrNoSteps, spec)
		}
		ps := g.revs[id].Revises
		switch len(ps) {
		case 0:
			base, id = id, ""
		case 1:
			id = ps[0]
		default:
			return "", "", fmt.Errorf("%w: %q: %s is a merge point (%s); name the revision to go back to", ErrMultipleHeads, spec, id, strings.Join(ps, ", "))
		}
	}
	return id, base, nil
}

// branchSet returns the revisions of the branch a label (or revision) names:
// the revision and its descendants.
func (g *Graph) branchSet(label string) (Set, error) {
	id, err := g.Resolve(label)
	if err != nil {
		return nil, err
	}
	return g.branch(id), nil
}

// DowngradePlan returns, in order, the revisions to undo so that a database
// whose applied revisions are applied goes back to target: "base", a
// revision (everything that needs it is undone, it stays), "-N", "REV-N"
// or "LABEL@-N".
func (g *Graph) DowngradePlan(applied Set, target string) ([]string, error) {
	if target == "base" {
		return g.reverse(applied), nil
	}
	if anchor, n, ok := g.parseRelative(target); ok {
		if n > 0 {
			return nil, fmt.Errorf("downgrade target %q goes forwards; use upgrade", target)
		}
		var from string
		// scope limits a LABEL@-N downgrade to the labelled branch: as in
		// Alembic, it never undoes revisions of other branches.
		var scope Set
		switch {
		case anchor == "" || strings.HasSuffix(anchor, "@"):
			heads := g.HeadsOf(applied)
			if anchor != "" {
				root, err := g.Resolve(strings.TrimSuffix(anchor, "@"))
				if err != nil {
					return nil, err
				}
				branch := g.branch(root)
				// The branch's tip may have no row of its own when a
				// revision of another branch depends on it; Alembic then
				// starts from the tip all the same.
				heads = slices.DeleteFunc(g.BranchHeadsOf(applied), func(h string) bool { return !branch[h] })
				scope = g.Descendants(root)
			}
			switch len(heads) {
			case 0:
				return nil, fmt.Errorf("%w: %q: nothing is applied", ErrNoSteps, target)
			case 1:
				from = heads[0]
			default:
				return nil, &MultipleHeadsError{Heads: heads}
			}
		default:
			id, err := g.Resolve(anchor)
			if err != nil {
				return nil, err
			}
			from = id
		}
		to, base, err := g.walkParents(from, -n, target)
		if err != nil {
			return nil, err
		}
		var remove Set
		if to == "" {
			remove = intersect(applied, g.Descendants(base))
		} else {
			if !applied[to] {
				return nil, fmt.Errorf("%w: %s is not applied, so it is not a downgrade target", ErrNotApplied, to)
			}
			remove = intersect(applied, g.Descendants(to))
			delete(remove, to)
		}
		if scope != nil {
			remove = intersect(remove, scope)
		}
		return g.reverse(remove), nil
	}
	id, err := g.Resolve(target)
	if err != nil {
		return nil, err
	}
	return g.downgradeTo(applied, id)
}

func (g *Graph) downgradeTo(applied Set, id string) ([]string, error) {
	if !applied[id] {
		return nil, fmt.Errorf("%w: %s is not applied, so it is not a downgrade target", ErrNotApplied, id)
	}
	remove := intersect(applied, g.Descendants(id))
	delete(remove, id)
	return g.reverse(remove), nil
}

func intersect(a, b Set) Set {
	out := Set{}
	for id := range a {
		if b[id] {
			out[id] = true
		}
	}
	return out
}

// reverse returns the ids of s in reverse topological order: the order to
// undo them in.
func (g *Graph) reverse(s Set) []string {
	out := g.Sorted(s)
	slices.Reverse(out)
	return out
}

// StampTargets resolves the targets of `stamp` to the applied set they
// stand for: "base" is empty, "heads" all heads, otherwise each named
// revision with its ancestors.
func (g *Graph) StampTargets(targets ...string) (Set, error) {
	var ids []string
	for _, t := range targets {
		switch t {
		case "base":
		case "heads":
			ids = append(ids, g.Heads()...)
		default:
			id, err := g.Resolve(t)
			if err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return Set{}, nil
	}
	return g.Ancestors(ids...), nil
}
