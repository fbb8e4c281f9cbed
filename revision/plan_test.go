package revision_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/autogen-dev/autogen/revision"
)

func set(ids ...string) revision.Set {
	s := revision.Set{}
	for _, id := range ids {
		s[id] = true
	}
	return s
}

// planCase is one plan to compute: from the applied set (given as the
// version-table rows; their ancestors are applied too) to a target.
type planCase struct {
	name    string
	at      []string
	target  string
	want    []string
	wantErr error
}

func runPlans(t *testing.T, g *revision.Graph, plan func(revision.Set, string) ([]string, error), cases []planCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			applied := g.Ancestors(tt.at...)
			if len(tt.at) == 0 {
				applied = revision.Set{}
			}
			got, err := plan(applied, tt.target)
			if tt.wantErr != nil {
				if err == nil || (tt.wantErr != errAny && !errors.Is(err, tt.wantErr)) {
					t.Fatalf("plan = %v, %v; want an error matching %v", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("plan: %v", err)
			}
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("plan = %v, want %v", got, tt.want)
			}
		})
	}
}

// errAny accepts any error, for refusals that have no sentinel.
var errAny = errors.New("any error")

func linear(t *testing.T) *revision.Graph {
	return mustGraph(t, rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"))
}

func TestUpgradePlanLinear(t *testing.T) {
	g := linear(t)
	runPlans(t, g, g.UpgradePlan, []planCase{
		{name: "head from base", target: "head", want: []string{"a", "b", "c", "d"}},
		{name: "heads from base", target: "heads", want: []string{"a", "b", "c", "d"}},
		{name: "head from the middle", at: []string{"b"}, target: "head", want: []string{"c", "d"}},
		{name: "head at head", at: []string{"d"}, target: "head"},
		{name: "a revision", target: "b", want: []string{"a", "b"}},
		{name: "a prefix-free earlier revision is a no-op", at: []string{"c"}, target: "a"},
		{name: "+1 from base", target: "+1", want: []string{"a"}},
		{name: "+2 from b", at: []string{"b"}, target: "+2", want: []string{"c", "d"}},
		{name: "+3 with two left", at: []string{"b"}, target: "+3", wantErr: revision.ErrNoSteps},
		{name: "+1 at head", at: []string{"d"}, target: "+1", wantErr: revision.ErrNoSteps},
		{name: "REV+N from base", target: "a+2", want: []string{"a", "b", "c"}},
		{name: "REV+N from applied", at: []string{"b"}, target: "b+1", want: []string{"c"}},
		{name: "REV+N past head", target: "c+2", wantErr: revision.ErrNoSteps},
		{name: "-1 is refused", at: []string{"d"}, target: "-1", wantErr: errAny},
		{name: "unknown revision", target: "zz", wantErr: revision.ErrUnknownRevision},
		{name: "unknown anchor", target: "zz+1", wantErr: revision.ErrUnknownRevision},
	})
}

func TestDowngradePlanLinear(t *testing.T) {
	g := linear(t)
	runPlans(t, g, g.DowngradePlan, []planCase{
		{name: "base", at: []string{"d"}, target: "base", want: []string{"d", "c", "b", "a"}},
		{name: "base from the middle", at: []string{"b"}, target: "base", want: []string{"b", "a"}},
		{name: "base at base", target: "base"},
		{name: "-1", at: []string{"d"}, target: "-1", want: []string{"d"}},
		{name: "-2", at: []string{"d"}, target: "-2", want: []string{"d", "c"}},
		{name: "-N down to base exactly", at: []string{"d"}, target: "-4", want: []string{"d", "c", "b", "a"}},
		{name: "-N down to base from the middle", at: []string{"b"}, target: "-2", want: []string{"b", "a"}},
		{name: "-N below base", at: []string{"b"}, target: "-3", wantErr: revision.ErrNoSteps},
		{name: "-1 at base", target: "-1", wantErr: revision.ErrNoSteps},
		{name: "a revision", at: []string{"d"}, target: "b", want: []string{"d", "c"}},
		{name: "the current revision is a no-op", at: []string{"d"}, target: "d"},
		{name: "REV-N", at: []string{"d"}, target: "c-1", want: []string{"d", "c"}},
		{name: "REV-N to base", at: []string{"d"}, target: "c-3", want: []string{"d", "c", "b", "a"}},
		{name: "a revision not applied", at: []string{"b"}, target: "c", wantErr: revision.ErrNotApplied},
		{name: "+1 is refused", at: []string{"b"}, target: "+1", wantErr: errAny},
		{name: "unknown revision", at: []string{"b"}, target: "zz", wantErr: revision.ErrUnknownRevision},
	})
}

func TestUpgradePlanBranches(t *testing.T) {
	g := branchy(t)
	runPlans(t, g, g.UpgradePlan, []planCase{
		{name: "head with two heads", target: "head", wantErr: revision.ErrMultipleHeads},
		{name: "heads", target: "heads", want: []string{"a", "b", "c1", "c2", "d1", "m", "n", "x", "y", "z"}},
		{name: "one branch", at: []string{"b"}, target: "c2", want: []string{"c2"}},
		{name: "a label", at: []string{"b"}, target: "left", want: []string{"c1"}},
		{name: "LABEL@head past the merge", at: []string{"b"}, target: "left@head", want: []string{"c1", "c2", "d1", "m", "n", "x", "y", "z"}},
		{name: "LABEL@head of a single-head branch", target: "other@head", want: []string{"x", "y"}},
		{name: "the merge pulls in both branches", at: []string{"c1"}, target: "m", want: []string{"c2", "d1", "m"}},
		{name: "a dependency pulls in the other branch", at: []string{"n"}, target: "z", want: []string{"x", "y", "z"}},
		{name: "+1 at a branch point is ambiguous", at: []string{"b"}, target: "+1", wantErr: revision.ErrMultipleHeads},
		{name: "+1 with a base left over is ambiguous", at: []string{"d1", "c2"}, target: "+1", wantErr: revision.ErrMultipleHeads},
		{name: "+1 with one branch done", at: []string{"d1", "c2", "y"}, target: "+1", want: []string{"m"}},
		{name: "LABEL@+N", at: []string{"b"}, target: "left@+2", want: []string{"c1", "d1"}},
		{name: "LABEL@+N past the branch", at: []string{"b"}, target: "right@+2", wantErr: revision.ErrNoSteps},
		{name: "unknown LABEL@+N", at: []string{"b"}, target: "nolabel@+1", wantErr: revision.ErrUnknownRevision},
		{name: "REV+N through a branch point", target: "b+1", wantErr: revision.ErrMultipleHeads},
		{name: "REV+N through a merge", at: []string{"d1", "c2"}, target: "c2+2", want: []string{"m", "n"}},
	})
}

func TestDowngradePlanBranches(t *testing.T) {
	g := branchy(t)
	runPlans(t, g, g.DowngradePlan, []planCase{
		{name: "-1 with two applied heads", at: []string{"c1", "c2"}, target: "-1", wantErr: revision.ErrMultipleHeads},
		{name: "LABEL@-1", at: []string{"d1", "c2"}, target: "left@-1", want: []string{"d1"}},
		{name: "LABEL@-2 to the branch point", at: []string{"d1", "c2"}, target: "left@-2", want: []string{"d1", "c1"}},
		{name: "the branch point undoes both branches", at: []string{"d1", "c2"}, target: "b", want: []string{"d1", "c2", "c1"}},
		{name: "-1 through a merge", at: []string{"n"}, target: "-1", want: []string{"n"}},
		{name: "-2 onto a merge point is ambiguous", at: []string{"n"}, target: "-2", wantErr: revision.ErrMultipleHeads},
		{name: "undoing a depended-on revision undoes its dependents", at: []string{"z"}, target: "x", want: []string{"z", "y"}},
		{name: "other@-2 to base undoes only that branch", at: []string{"y", "b"}, target: "other@-2", want: []string{"y", "x"}},
		{name: "LABEL@-1 from a tip whose row a dependent consumed", at: []string{"z"}, target: "other@-1", want: []string{"z", "y"}},
		{name: "-1 from the only row", at: []string{"z"}, target: "-1", want: []string{"z"}},
		{name: "base undoes everything", at: []string{"z"}, target: "base", want: []string{"z", "y", "x", "n", "m", "d1", "c2", "c1", "b", "a"}},
	})
}

// TestRelativeStepsWithHyphenatedLabels checks that a branch label with a
// hyphen is still a label, not a relative step.
func TestRelativeStepsWithHyphenatedLabels(t *testing.T) {
	g := mustGraph(t, rev("a"), withLabels(rev("b", "a"), "release-1"), rev("c", "b"))
	runPlans(t, g, g.UpgradePlan, []planCase{
		{name: "label upgrade", target: "release-1", want: []string{"a", "b"}},
		{name: "label relative upgrade", at: []string{"a"}, target: "release-1@+2", want: []string{"b", "c"}},
	})
	runPlans(t, g, g.DowngradePlan, []planCase{
		{name: "label downgrade", at: []string{"c"}, target: "release-1", want: []string{"c"}},
	})
}

func TestStampTargets(t *testing.T) {
	g := branchy(t)
	tests := []struct {
		targets []string
		want    []string
		wantErr error
	}{
		{[]string{"base"}, nil, nil},
		{[]string{"c1"}, []string{"a", "b", "c1"}, nil},
		{[]string{"c1", "c2"}, []string{"a", "b", "c1", "c2"}, nil},
		{[]string{"heads"}, []string{"a", "b", "c1", "c2", "d1", "m", "n", "x", "y", "z"}, nil},
		{[]string{"head"}, nil, revision.ErrMultipleHeads},
		{[]string{"nope"}, nil, revision.ErrUnknownRevision},
	}
	for _, tt := range tests {
		got, err := g.StampTargets(tt.targets...)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("StampTargets(%v) error = %v, want %v", tt.targets, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("StampTargets(%v): %v", tt.targets, err)
		}
		if sorted := g.Sorted(got); !reflect.DeepEqual(sorted, tt.want) && !(len(sorted) == 0 && tt.want == nil) {
			t.Errorf("StampTargets(%v) = %v, want %v", tt.targets, sorted, tt.want)
		}
	}
}
