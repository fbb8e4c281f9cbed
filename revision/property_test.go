package revision_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/autogen-dev/autogen/internal/graphgen"
	"github.com/autogen-dev/autogen/revision"
)

// propertyGraphs is how many random graphs TestGraphProperties checks; each
// has up to 50 revisions. The seeds are fixed, so a failure names the seed
// that rebuilds its graph.
const propertyGraphs = 200

// TestGraphProperties checks, on random graphs with merges, branch labels
// and dependencies, that upgrading to heads and downgrading to base apply
// and undo every revision exactly once in an order the graph allows, that
// the version-table rows (HeadsOf) always describe the applied set exactly,
// and that random targets in between move the applied set as they should.
func TestGraphProperties(t *testing.T) {
	for seed := range uint64(propertyGraphs) {
		revs := graphgen.Generate(seed, graphgen.Options{MaxRevisions: 50})
		g, err := revision.NewGraph(revs)
		if err != nil {
			t.Fatalf("seed %d: NewGraph: %v", seed, err)
		}
		if err := checkGraph(g, revs, seed); err != nil {
			t.Fatalf("seed %d (%d revisions): %v", seed, len(revs), err)
		}
	}
}

func checkGraph(g *revision.Graph, revs []*revision.Revision, seed uint64) error {
	// The order depends on the revisions only, not on the order they were
	// registered in (which follows file names and differs by directory).
	other, err := revision.NewGraph(graphgen.Shuffled(seed, revs))
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(g.Order(), other.Order()) {
		return fmt.Errorf("the order depends on registration order:\n%v\n%v", g.Order(), other.Order())
	}
	if err := checkUpgrade(g, revision.Set{}, g.Order()); err != nil {
		return fmt.Errorf("Order is not topological: %w", err)
	}

	applied := revision.Set{}
	plan, err := g.UpgradePlan(applied, "heads")
	if err != nil {
		return fmt.Errorf("upgrade heads: %w", err)
	}
	if len(plan) != g.Len() {
		return fmt.Errorf("upgrade heads applies %d of %d revisions", len(plan), g.Len())
	}
	if applied, err = stepUp(g, applied, plan); err != nil {
		return fmt.Errorf("upgrade heads: %w", err)
	}
	if again, _ := g.UpgradePlan(applied, "heads"); len(again) != 0 {
		return fmt.Errorf("upgrade heads at heads plans %v", again)
	}

	rng := rand.New(rand.NewPCG(seed, 2))
	for range 6 {
		if applied, err = randomMove(g, applied, rng); err != nil {
			return err
		}
	}

	plan, err = g.DowngradePlan(applied, "base")
	if err != nil {
		return fmt.Errorf("downgrade base: %w", err)
	}
	if len(plan) != len(applied) {
		return fmt.Errorf("downgrade base undoes %d of %d applied revisions", len(plan), len(applied))
	}
	if applied, err = stepDown(g, applied, plan); err != nil {
		return fmt.Errorf("downgrade base: %w", err)
	}
	if len(applied) != 0 {
		return fmt.Errorf("after downgrade base, %v are applied", applied)
	}
	return nil
}

// randomMove upgrades or downgrades to a random target and checks that
// exactly the revisions the target implies move.
func randomMove(g *revision.Graph, applied revision.Set, rng *rand.Rand) (revision.Set, error) {
	order := g.Order()
	pick := order[rng.IntN(len(order))]
	switch rng.IntN(4) {
	case 0: // upgrade to a revision: exactly its missing ancestors
		plan, err := g.UpgradePlan(applied, pick)
		if err != nil {
			return nil, fmt.Errorf("upgrade %s: %w", pick, err)
		}
		want := minus(g.Ancestors(pick), applied)
		if !sameSet(plan, want) {
			return nil, fmt.Errorf("upgrade %s plans %v, want %v", pick, plan, g.Sorted(want))
		}
		return stepUp(g, applied, plan)
	case 1: // downgrade to an applied revision: exactly what needs it
		if !applied[pick] {
			if _, err := g.DowngradePlan(applied, pick); !errors.Is(err, revision.ErrNotApplied) {
				return nil, fmt.Errorf("downgrade to %s, which is not applied: %v", pick, err)
			}
			return applied, nil
		}
		plan, err := g.DowngradePlan(applied, pick)
		if err != nil {
			return nil, fmt.Errorf("downgrade %s: %w", pick, err)
		}
		want := intersect(g.Descendants(pick), applied)
		delete(want, pick)
		if !sameSet(plan, want) {
			return nil, fmt.Errorf("downgrade %s plans %v, want %v", pick, plan, g.Sorted(want))
		}
		return stepDown(g, applied, plan)
	case 2: // +1: one revision whose needs are met, or a refusal
		plan, err := g.UpgradePlan(applied, "+1")
		if errors.Is(err, revision.ErrMultipleHeads) || errors.Is(err, revision.ErrNoSteps) {
			return applied, nil
		}
		if err != nil || len(plan) != 1 {
			return nil, fmt.Errorf("upgrade +1 = %v, %v", plan, err)
		}
		return stepUp(g, applied, plan)
	default: // -1: the revisions that need the single head's parent
		plan, err := g.DowngradePlan(applied, "-1")
		if errors.Is(err, revision.ErrMultipleHeads) || errors.Is(err, revision.ErrNoSteps) {
			return applied, nil
		}
		if err != nil || len(plan) == 0 {
			return nil, fmt.Errorf("downgrade -1 = %v, %v", plan, err)
		}
		heads := g.HeadsOf(applied)
		if len(heads) != 1 || plan[0] != heads[0] {
			return nil, fmt.Errorf("downgrade -1 from %v starts with %s", heads, plan[0])
		}
		return stepDown(g, applied, plan)
	}
}

// stepUp applies plan one revision at a time, checking the version-table
// rows after every step.
func stepUp(g *revision.Graph, applied revision.Set, plan []string) (revision.Set, error) {
	if err := checkUpgrade(g, applied, plan); err != nil {
		return nil, err
	}
	next := clone(applied)
	for _, id := range plan {
		next[id] = true
		if err := checkRows(g, next); err != nil {
			return nil, fmt.Errorf("after applying %s: %w", id, err)
		}
	}
	return next, nil
}

// stepDown undoes plan one revision at a time, checking the rows.
func stepDown(g *revision.Graph, applied revision.Set, plan []string) (revision.Set, error) {
	if err := checkDowngrade(g, applied, plan); err != nil {
		return nil, err
	}
	next := clone(applied)
	for _, id := range plan {
		delete(next, id)
		if err := checkRows(g, next); err != nil {
			return nil, fmt.Errorf("after undoing %s: %w", id, err)
		}
	}
	return next, nil
}

// checkUpgrade verifies that plan applies each revision once, none already
// applied, each after its parents and dependencies.
func checkUpgrade(g *revision.Graph, applied revision.Set, plan []string) error {
	done := clone(applied)
	for _, id := range plan {
		if done[id] {
			return fmt.Errorf("%s is applied twice", id)
		}
		r := g.Revision(id)
		for _, p := range r.Revises {
			if !done[p] {
				return fmt.Errorf("%s is applied before its parent %s", id, p)
			}
		}
		for _, d := range g.Sorted(g.Ancestors(id)) {
			if d != id && !done[d] {
				return fmt.Errorf("%s is applied before %s, which it needs", id, d)
			}
		}
		done[id] = true
	}
	return nil
}

// checkDowngrade verifies that plan undoes each applied revision once, each
// after every applied revision that revises or depends on it.
func checkDowngrade(g *revision.Graph, applied revision.Set, plan []string) error {
	left := clone(applied)
	for _, id := range plan {
		if !left[id] {
			return fmt.Errorf("%s is undone but not applied (or undone twice)", id)
		}
		for c := range g.Descendants(id) {
			if c != id && left[c] {
				return fmt.Errorf("%s is undone while %s, which needs it, is still applied", id, c)
			}
		}
		delete(left, id)
	}
	return nil
}

// checkRows verifies that the version-table rows for an applied set give
// back exactly that set, and that no row is below another.
func checkRows(g *revision.Graph, applied revision.Set) error {
	rows := g.HeadsOf(applied)
	if len(applied) == 0 {
		if len(rows) != 0 {
			return fmt.Errorf("rows %v for nothing applied", rows)
		}
		return nil
	}
	if back := g.Ancestors(rows...); !reflect.DeepEqual(back, applied) {
		return fmt.Errorf("rows %v stand for %v, not the applied %v", rows, g.Sorted(back), g.Sorted(applied))
	}
	for _, r := range rows {
		for _, other := range rows {
			if r != other && g.Ancestors(other)[r] {
				return fmt.Errorf("row %s is needed by row %s", r, other)
			}
		}
	}
	// The branch tips `current` shows cover the rows and stand for the same
	// set.
	tips := g.BranchHeadsOf(applied)
	for _, r := range rows {
		if !slices.Contains(tips, r) {
			return fmt.Errorf("row %s is not among the branch tips %v", r, tips)
		}
	}
	return nil
}

func clone(s revision.Set) revision.Set {
	out := revision.Set{}
	for id := range s {
		out[id] = true
	}
	return out
}

func minus(a, b revision.Set) revision.Set {
	out := revision.Set{}
	for id := range a {
		if !b[id] {
			out[id] = true
		}
	}
	return out
}

func intersect(a, b revision.Set) revision.Set {
	out := revision.Set{}
	for id := range a {
		if b[id] {
			out[id] = true
		}
	}
	return out
}

func sameSet(plan []string, want revision.Set) bool {
	if len(plan) != len(want) {
		return false
	}
	for _, id := range plan {
		if !want[id] {
			return false
		}
	}
	return true
}

// TestGraphPropertiesCatchBrokenPlans makes sure the checks above can fail:
// a plan with a child before its parent, a duplicate and a stale row are
// all reported.
func TestGraphPropertiesCatchBrokenPlans(t *testing.T) {
	g := mustGraph(t, rev("a"), rev("b", "a"), withDeps(rev("c", "b"), "x"), rev("x"))
	if checkUpgrade(g, revision.Set{}, []string{"a", "c", "b", "x"}) == nil {
		t.Error("a child before its parent passed")
	}
	if checkUpgrade(g, revision.Set{}, []string{"a", "b", "x", "c", "c"}) == nil {
		t.Error("a duplicate passed")
	}
	if checkUpgrade(g, revision.Set{}, []string{"a", "b", "c", "x"}) == nil {
		t.Error("a revision before its dependency passed")
	}
	if checkDowngrade(g, set("a", "b", "c", "x"), []string{"x", "c", "b", "a"}) == nil {
		t.Error("undoing a dependency before its dependent passed")
	}
	if checkUpgrade(g, revision.Set{}, []string{"a", "b", "x", "c"}) != nil || checkDowngrade(g, set("a", "b", "c", "x"), []string{"c", "x", "b", "a"}) != nil {
		t.Error("a valid plan failed")
	}
}
