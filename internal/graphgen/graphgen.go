// Package graphgen builds random revision graphs for property tests: bases,
// branches, merges, branch labels and cross-branch dependencies, all drawn
// from a seeded source so that a failing graph can be rebuilt from its seed.
package graphgen

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/autogen-dev/autogen/revision"
)

// Options bound the graphs Generate builds.
type Options struct {
	// MaxRevisions is the largest number of revisions; each graph has
	// between 1 and MaxRevisions.
	MaxRevisions int
}

// Generate returns the revisions of one random graph, without bodies, in
// the order they were created: parents and dependencies always come before
// the revisions that name them, so the graph is acyclic. Ids are 12 random
// hex digits, so the order the graph sorts them in has nothing to do with
// the order they were created in.
func Generate(seed uint64, o Options) []*revision.Revision {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	n := 1 + rng.IntN(o.MaxRevisions)
	var revs []*revision.Revision
	used := map[string]bool{}
	// tips are the revisions nothing revises yet: new revisions mostly
	// extend one, which keeps branches long rather than bushy.
	var tips []string
	for i := range n {
		id := newID(rng, used)
		r := &revision.Revision{ID: id, Message: fmt.Sprintf("revision %d", i)}
		switch roll := rng.Float64(); {
		case i == 0 || roll < 0.10:
			// A new base: an independent branch.
		case roll < 0.25 && len(revs) >= 2:
			// A merge of two or three revisions, tips when there are
			// enough of them.
			pool := tips
			if len(pool) < 2 {
				pool = ids(revs)
			}
			k := min(len(pool), 2+rng.IntN(2))
			for _, j := range rng.Perm(len(pool))[:k] {
				r.Revises = append(r.Revises, pool[j])
			}
		case roll < 0.75 && len(tips) > 0:
			r.Revises = []string{tips[rng.IntN(len(tips))]}
		default:
			// A branch from anywhere.
			r.Revises = []string{revs[rng.IntN(len(revs))].ID}
		}
		if len(revs) > 0 && rng.Float64() < 0.2 {
			for range 1 + rng.IntN(2) {
				dep := revs[rng.IntN(len(revs))]
				name := dep.ID
				// Half the time a labelled dependency is named by its
				// label, as `--depends-on LABEL` writes it.
				if len(dep.BranchLabels) > 0 && rng.IntN(2) == 0 {
					name = dep.BranchLabels[0]
				}
				if !slices.Contains(r.Revises, dep.ID) && !slices.Contains(r.DependsOn, name) {
					r.DependsOn = append(r.DependsOn, name)
				}
			}
		}
		if rng.Float64() < 0.15 {
			// Some labels contain a hyphen, which relative targets must
			// not take for a step count.
			if rng.IntN(2) == 0 {
				r.BranchLabels = []string{fmt.Sprintf("rel-%d", i)}
			} else {
				r.BranchLabels = []string{fmt.Sprintf("lbl%d", i)}
			}
		}
		tips = slices.DeleteFunc(tips, func(t string) bool { return slices.Contains(r.Revises, t) })
		tips = append(tips, id)
		revs = append(revs, r)
	}
	return revs
}

func ids(revs []*revision.Revision) []string {
	out := make([]string, len(revs))
	for i, r := range revs {
		out[i] = r.ID
	}
	return out
}

func newID(rng *rand.Rand, used map[string]bool) string {
	for {
		id := fmt.Sprintf("%012x", rng.Uint64()&0xffffffffffff)
		if !used[id] {
			used[id] = true
			return id
		}
	}
}

// Shuffled returns the revisions in a random order drawn from seed, to
// register them in an order other than the one they were created in.
func Shuffled(seed uint64, revs []*revision.Revision) []*revision.Revision {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := slices.Clone(revs)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
