package revision_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/revision"
)

// rev builds a revision with parents; options after it set the rest.
func rev(id string, parents ...string) *revision.Revision {
	return &revision.Revision{ID: id, Revises: parents, Message: "message of " + id}
}

func withDeps(r *revision.Revision, deps ...string) *revision.Revision {
	r.DependsOn = deps
	return r
}

func withLabels(r *revision.Revision, labels ...string) *revision.Revision {
	r.BranchLabels = labels
	return r
}

func mustGraph(t *testing.T, revs ...*revision.Revision) *revision.Graph {
	t.Helper()
	g, err := revision.NewGraph(revs)
	if err != nil {
		t.Fatalf("NewGraph: %v", err)
	}
	return g
}

func TestNewGraphErrors(t *testing.T) {
	tests := []struct {
		name    string
		revs    []*revision.Revision
		culprit string
		problem string
	}{
		{"empty id", []*revision.Revision{rev("a"), rev("")}, "", "empty ID"},
		{"nil revision", []*revision.Revision{rev("a"), nil}, "", "empty ID"},
		{"duplicate id", []*revision.Revision{rev("a"), rev("b", "a"), rev("a")}, "a", "declared by two revisions"},
		{"missing parent", []*revision.Revision{rev("a"), rev("b", "zzz")}, "b", "parent zzz does not exist"},
		{"missing dependency", []*revision.Revision{rev("a"), withDeps(rev("b", "a"), "nope")}, "b", "depends on nope, which does not exist"},
		{"revises itself", []*revision.Revision{rev("a", "a")}, "a", "revises itself"},
		{"two-revision cycle", []*revision.Revision{rev("a", "b"), rev("b", "a")}, "a", "cycle (a, b)"},
		{"cycle behind a base", []*revision.Revision{rev("base1"), rev("x", "base1", "z"), rev("y", "x"), rev("z", "y")}, "x", "cycle (x, y, z)"},
		{"cycle through a dependency", []*revision.Revision{rev("a"), withDeps(rev("b", "a"), "c"), rev("c", "b")}, "b", "cycle (b, c)"},
		{"label used twice", []*revision.Revision{withLabels(rev("a"), "feature"), withLabels(rev("b", "a"), "feature")}, "b", `branch label "feature" is also used by a`},
		{"label clashes with an id", []*revision.Revision{rev("a"), withLabels(rev("b", "a"), "a")}, "b", `branch label "a" is also a revision id`},
		{"reserved id head", []*revision.Revision{rev("head")}, "head", "reserved"},
		{"reserved id base", []*revision.Revision{rev("base")}, "base", "reserved"},
		{"id with a minus", []*revision.Revision{rev("ab-1")}, "ab-1", "reserved"},
		{"id with an at sign", []*revision.Revision{rev("ab@c")}, "ab@c", "reserved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := revision.NewGraph(tt.revs)
			var ge *revision.GraphError
			if !errors.As(err, &ge) {
				t.Fatalf("NewGraph error = %v, want a *GraphError", err)
			}
			if !errors.Is(err, revision.ErrInvalidGraph) {
				t.Errorf("%v does not match ErrInvalidGraph", err)
			}
			if ge.Revision != tt.culprit {
				t.Errorf("culprit = %q, want %q (%v)", ge.Revision, tt.culprit, err)
			}
			if !strings.Contains(err.Error(), tt.problem) {
				t.Errorf("error %q does not say %q", err, tt.problem)
			}
		})
	}
}

func TestRegistryReportsProblemsInGraph(t *testing.T) {
	reg := revision.NewRegistry()
	reg.Add(rev("a"))
	reg.Add(rev("a"))
	if _, err := reg.Graph(); !errors.Is(err, revision.ErrInvalidGraph) {
		t.Fatalf("Graph of a registry with a duplicate = %v", err)
	}
}

func TestRegistryMergeAndSources(t *testing.T) {
	r1, r2 := revision.NewRegistry(), revision.NewRegistry()
	r1.Add(rev("a"))
	r1.SetSource("a", "migrations/a.go")
	r2.Add(rev("b", "a"))
	r2.SetSource("b", "more/b.go")
	m := revision.Merge(r1, r2)
	var ids []string
	for _, r := range m.Revisions() {
		ids = append(ids, r.ID)
	}
	if !reflect.DeepEqual(ids, []string{"a", "b"}) {
		t.Errorf("merged revisions = %v", ids)
	}
	if m.Source("a") != "migrations/a.go" || m.Source("b") != "more/b.go" || m.Source("c") != "" {
		t.Errorf("sources = %q %q %q", m.Source("a"), m.Source("b"), m.Source("c"))
	}
	g, err := m.Graph()
	if err != nil || g.Len() != 2 {
		t.Fatalf("merged graph: %v, %v", g, err)
	}
}

// branchy is the graph most tests below use:
//
//	a ─ b ─┬─ c1 ─ d1 ─┬─ m ─ n
//	       └─ c2 ──────┘
//	x (label "other") ─ y      z depends on y and revises n
func branchy(t *testing.T) *revision.Graph {
	return mustGraph(t,
		rev("a"), rev("b", "a"), withLabels(rev("c1", "b"), "left"), rev("d1", "c1"), withLabels(rev("c2", "b"), "right"),
		rev("m", "d1", "c2"), rev("n", "m"),
		withLabels(rev("x"), "other"), rev("y", "x"),
		withDeps(rev("z", "n"), "y"),
	)
}

func TestGraphStructure(t *testing.T) {
	g := branchy(t)
	if got, want := g.Order(), []string{"a", "b", "c1", "c2", "d1", "m", "n", "x", "y", "z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Order = %v, want %v", got, want)
	}
	if got, want := g.Heads(), []string{"y", "z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Heads = %v, want %v (y is depended on but revised by nothing)", got, want)
	}
	if got, want := g.Bases(), []string{"a", "x"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Bases = %v, want %v", got, want)
	}
	if got, want := g.Children("b"), []string{"c1", "c2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Children(b) = %v, want %v", got, want)
	}
	if !g.IsBranchPoint("b") || g.IsBranchPoint("c1") {
		t.Error("IsBranchPoint is wrong for b or c1")
	}
	if !g.Revision("m").IsMerge() || g.Revision("n").IsMerge() || !g.Revision("a").IsBase() || g.Revision("b").IsBase() {
		t.Error("IsMerge or IsBase is wrong")
	}
	if g.Revision("nope") != nil || g.Len() != 10 {
		t.Error("Revision or Len is wrong")
	}
	if got, want := g.Sorted(g.Ancestors("m")), []string{"a", "b", "c1", "c2", "d1", "m"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ancestors(m) = %v, want %v", got, want)
	}
	if got, want := g.Sorted(g.Ancestors("z")), []string{"a", "b", "c1", "c2", "d1", "m", "n", "x", "y", "z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ancestors(z) = %v, want %v (dependencies count)", got, want)
	}
	if got, want := g.Sorted(g.Descendants("x")), []string{"x", "y", "z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Descendants(x) = %v, want %v (dependents count)", got, want)
	}
	if got, want := g.Sorted(g.Descendants("c2")), []string{"c2", "m", "n", "z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Descendants(c2) = %v, want %v", got, want)
	}
}

func TestDependsOnALabel(t *testing.T) {
	g := mustGraph(t, rev("a"), withLabels(rev("x"), "lib"), withDeps(rev("b", "a"), "lib"))
	if got := g.Sorted(g.Ancestors("b")); !reflect.DeepEqual(got, []string{"a", "x", "b"}) {
		t.Errorf("Ancestors(b) = %v; the label should stand for x", got)
	}
}

func TestHeadsOf(t *testing.T) {
	g := branchy(t)
	tests := []struct {
		applied []string
		want    []string
	}{
		{nil, nil},
		{[]string{"a"}, []string{"a"}},
		{[]string{"a", "b", "c1", "c2"}, []string{"c1", "c2"}},
		{[]string{"a", "b", "c1", "d1", "c2", "m"}, []string{"m"}},
		{[]string{"a", "b", "x"}, []string{"b", "x"}},
		// z depends on y: once z is applied, y's row goes, as in Alembic,
		// where the dependency is an "effective head" that "would not
		// actually be present in the alembic_version table".
		{[]string{"a", "b", "c1", "d1", "c2", "m", "n", "x", "y", "z"}, []string{"z"}},
		{[]string{"a", "b", "c1", "d1", "c2", "m", "n", "x", "y"}, []string{"n", "y"}},
	}
	for _, tt := range tests {
		set := revision.Set{}
		for _, id := range tt.applied {
			set[id] = true
		}
		if got := g.HeadsOf(set); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("HeadsOf(%v) = %v, want %v", tt.applied, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	g := mustGraph(t,
		rev("1a2b3c"), rev("1a2b4d", "1a2b3c"), withLabels(rev("9f8e7d", "1a2b4d"), "feature"), rev("9f0000", "9f8e7d"),
		withLabels(rev("77aa00", "1a2b4d"), "release-1"),
	)
	tests := []struct {
		spec    string
		want    string
		wantErr error
		matches []string
	}{
		{spec: "1a2b3c", want: "1a2b3c"},
		{spec: "1a2b4", want: "1a2b4d"},
		{spec: "9f0", want: "9f0000"},
		{spec: "feature", want: "9f8e7d"},
		{spec: "release-1", want: "77aa00"},
		{spec: "feature@head", want: "9f0000"},
		{spec: "release-1@head", want: "77aa00"},
		{spec: "9f8e7d@head", want: "9f0000"},
		{spec: "1a2b", wantErr: revision.ErrAmbiguousRevision, matches: []string{"1a2b3c", "1a2b4d"}},
		{spec: "9f", wantErr: revision.ErrAmbiguousRevision, matches: []string{"9f0000", "9f8e7d"}},
		{spec: "ffff", wantErr: revision.ErrUnknownRevision},
		{spec: "", wantErr: revision.ErrUnknownRevision},
		{spec: "base", wantErr: revision.ErrUnknownRevision},
		{spec: "feature@tail", wantErr: revision.ErrUnknownRevision},
		{spec: "nolabel@head", wantErr: revision.ErrUnknownRevision},
		{spec: "head", wantErr: revision.ErrMultipleHeads},
		{spec: "1a2b4d@head", wantErr: revision.ErrMultipleHeads},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			got, err := g.Resolve(tt.spec)
			if tt.wantErr == nil {
				if err != nil || got != tt.want {
					t.Fatalf("Resolve = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Resolve = %q, %v; want an error matching %v", got, err, tt.wantErr)
			}
			var re *revision.ResolveError
			if errors.As(err, &re) && !reflect.DeepEqual(re.Matches, tt.matches) {
				t.Errorf("matches = %v, want %v", re.Matches, tt.matches)
			}
		})
	}
}

func TestResolveErrorMessages(t *testing.T) {
	g := mustGraph(t, rev("abc1"), rev("abc2", "abc1"), rev("abd3", "abc1"))
	_, err := g.Resolve("ab")
	if want := `revision "ab" is ambiguous: it matches abc1, abc2, abd3`; err == nil || err.Error() != want {
		t.Errorf("ambiguous: %v, want %s", err, want)
	}
	_, err = g.Resolve("zz")
	if want := `can't locate revision identified by "zz"`; err == nil || err.Error() != want {
		t.Errorf("unknown: %v, want %s", err, want)
	}
	_, err = g.Resolve("head")
	var mh *revision.MultipleHeadsError
	if !errors.As(err, &mh) || !reflect.DeepEqual(mh.Heads, []string{"abc2", "abd3"}) {
		t.Fatalf("head with two heads: %v", err)
	}
	if !strings.Contains(err.Error(), "autogen merge") {
		t.Errorf("the multiple-heads message does not suggest merging: %v", err)
	}
	if _, err := mustGraph(t).Resolve("head"); !errors.Is(err, revision.ErrUnknownRevision) {
		t.Errorf("head of an empty graph: %v", err)
	}
}

func TestBranchHeadsOfIgnoresDependencies(t *testing.T) {
	g := branchy(t)
	all := g.Ancestors("z", "y")
	if got, want := g.BranchHeadsOf(all), []string{"y", "z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("BranchHeadsOf(all) = %v, want %v: current shows y, whose branch has nothing above it", got, want)
	}
	if got, want := g.BranchHeadsOf(set("a", "b", "c1", "c2")), []string{"c1", "c2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("BranchHeadsOf = %v, want %v", got, want)
	}
}

func TestEffectiveHeads(t *testing.T) {
	g := branchy(t)
	if !g.IsHead("y") || !g.IsEffectiveHead("y") {
		t.Error("y is revised by nothing and z depends on it: an effective head")
	}
	if !g.IsHead("z") || g.IsEffectiveHead("z") {
		t.Error("z is a real head")
	}
	if g.IsHead("n") || g.IsEffectiveHead("n") {
		t.Error("n is revised by z: no head at all")
	}
	if got := g.Dependents("y"); !reflect.DeepEqual(got, []string{"z"}) {
		t.Errorf("Dependents(y) = %v", got)
	}
}

// TestBranchLabelsPropagate follows Alembic's rule: a label applies to its
// revision, the revisions above it, and those below it down to the nearest
// branch point or merge point.
func TestBranchLabelsPropagate(t *testing.T) {
	//	a ─ b ─┬─ c1 ─ d1 (left on c1)
	//	       └─ c2 (right on c2) ─ e2 ─ f2
	//	x ─ y ─ z (net on y)
	g := mustGraph(t,
		rev("a"), rev("b", "a"), withLabels(rev("c1", "b"), "left"), rev("d1", "c1"),
		withLabels(rev("c2", "b"), "right", "cart"), rev("e2", "c2"), rev("f2", "e2"),
		rev("x"), withLabels(rev("y", "x"), "net"), rev("z", "y"),
	)
	tests := []struct {
		id   string
		want []string
	}{
		{"a", nil}, {"b", nil},
		{"c1", []string{"left"}}, {"d1", []string{"left"}},
		{"c2", []string{"cart", "right"}}, {"f2", []string{"cart", "right"}},
		{"x", []string{"net"}}, {"y", []string{"net"}}, {"z", []string{"net"}},
	}
	for _, tt := range tests {
		if got := g.BranchLabels(tt.id); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("BranchLabels(%s) = %v, want %v", tt.id, got, tt.want)
		}
	}
	// A merge stops the walk down: m's label does not reach p or q.
	g = mustGraph(t, rev("p"), rev("q"), withLabels(rev("m", "p", "q"), "joined"), rev("n", "m"))
	for id, want := range map[string][]string{"p": nil, "q": nil, "m": {"joined"}, "n": {"joined"}} {
		if got := g.BranchLabels(id); !reflect.DeepEqual(got, want) {
			t.Errorf("BranchLabels(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestDownRevisions(t *testing.T) {
	g := mustGraph(t,
		rev("a"), rev("b", "a"), withLabels(rev("x"), "lib"),
		withDeps(rev("c", "b"), "lib", "a"), rev("m", "b", "x"),
	)
	for id, want := range map[string][]string{
		"a": {},
		"b": {"a"},
		// a is below the parent b, so only the label's revision is shown.
		"c": {"b", "x"},
		"m": {"b", "x"},
	} {
		if got := g.DownRevisions(id); !slices.Equal(got, want) {
			t.Errorf("DownRevisions(%s) = %v, want %v", id, got, want)
		}
	}
}
