package runner

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
)

func TestRelativeArgs(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"downgrade", "-1"}, []string{"downgrade", "--", "-1"}},
		{[]string{"downgrade", "-2", "--sql", "-v"}, []string{"downgrade", "--sql", "-v", "--", "-2"}},
		{[]string{"upgrade", "+1"}, []string{"upgrade", "+1"}},
		{[]string{"upgrade", "-v", "head"}, []string{"upgrade", "-v", "head"}},
		{[]string{"downgrade", "--", "-1"}, []string{"downgrade", "--", "-1"}},
		{[]string{"current", "-"}, []string{"current", "-"}},
	}
	for _, tt := range tests {
		if got := RelativeArgs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("RelativeArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, exitcode.OK},
		{exitcode.With(exitcode.Usage, errors.New("x")), exitcode.Usage},
		{&revision.GraphError{Problem: "cycle"}, exitcode.Graph},
		{&revision.ResolveError{Spec: "x", Err: revision.ErrUnknownRevision}, exitcode.Graph},
		{&revision.ResolveError{Spec: "x", Err: revision.ErrAmbiguousRevision}, exitcode.Graph},
		{&revision.MultipleHeadsError{Heads: []string{"a", "b"}}, exitcode.Graph},
		{fmt.Errorf("plan: %w", revision.ErrNoSteps), exitcode.Graph},
		{&migrate.UnknownRevisionsError{IDs: []string{"x"}}, exitcode.State},
		{fmt.Errorf("%w: x", revision.ErrNotApplied), exitcode.State},
		{&migrate.RevisionError{Err: errors.New("boom")}, exitcode.Migration},
		{errors.New("anything else"), exitcode.Internal},
	}
	for _, tt := range tests {
		if got := Code(tt.err); got != tt.want {
			t.Errorf("Code(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestRedactString(t *testing.T) {
	tests := []struct{ url, msg, want string }{
		{"postgres://app:s3cret@db/app", "login failed for s3cret", "login failed for xxxxx"},
		{"postgres://app:p%40ss%2Fw@db/app", "bad p@ss/w and p%40ss%2Fw", "bad xxxxx and xxxxx"},
		{"postgres://app@db/app?password=qp", "qp!", "xxxxx!"},
		{"host=db user=app password='kv-secret' dbname=app", "saw kv-secret", "saw xxxxx"},
		{"postgres://app@db/app", "nothing to hide", "nothing to hide"},
	}
	for _, tt := range tests {
		if got := RedactString(tt.msg, tt.url); got != tt.want {
			t.Errorf("RedactString(%q, %q) = %q, want %q", tt.msg, tt.url, got, tt.want)
		}
	}
}

// TestHistoryLineMarksCurrent checks the (current) marker, including on a
// merge revision, whose parent list holds a comma of its own. Alembic puts
// it after (head) and before (branchpoint) and (mergepoint).
func TestHistoryLineMarksCurrent(t *testing.T) {
	g, err := revision.NewGraph([]*revision.Revision{
		{ID: "a", Message: "base"}, {ID: "b1", Revises: []string{"a"}, Message: "left"},
		{ID: "b2", Revises: []string{"a"}, Message: "right"}, {ID: "m", Revises: []string{"b1", "b2"}, Message: "join, at last"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id      string
		current bool
		want    string
	}{
		{"m", true, "b1, b2 -> m (head) (current) (mergepoint), join, at last"},
		{"m", false, "b1, b2 -> m (head) (mergepoint), join, at last"},
		{"a", true, "<base> -> a (current) (branchpoint), base"},
		{"b1", false, "a -> b1, left"},
	}
	for _, tt := range tests {
		if got := historyLine(g, tt.id, tt.current); got != tt.want {
			t.Errorf("historyLine(%s, %v) = %q, want %q", tt.id, tt.current, got, tt.want)
		}
	}
}

// TestHistoryLineAlembicForms follows the lines of Alembic's branches
// documentation: dependencies in parentheses after the parents, labels on
// every revision of their branch, and (effective head) for a revision only
// a dependency points at.
func TestHistoryLineAlembicForms(t *testing.T) {
	g, err := revision.NewGraph([]*revision.Revision{
		{ID: "1975", Message: "create account table"},
		{ID: "ae10", Revises: []string{"1975"}, Message: "add a column"},
		{ID: "55af", Revises: []string{"ae10"}, Message: "add another account column"},
		{ID: "27c6", Revises: []string{"1975"}, BranchLabels: []string{"shoppingcart"}, Message: "add shopping cart table"},
		{ID: "d747", Revises: []string{"27c6"}, Message: "add a shopping cart column"},
		{ID: "3cac", BranchLabels: []string{"networking"}, Message: "create networking branch"},
		{ID: "109e", Revises: []string{"3cac"}, Message: "add ip number table"},
		{ID: "2a95", Revises: []string{"109e"}, DependsOn: []string{"55af"}, Message: "add ip account table"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"2a95": "109e (55af) -> 2a95 (networking) (head), add ip account table",
		"109e": "3cac -> 109e (networking), add ip number table",
		"3cac": "<base> -> 3cac (networking), create networking branch",
		"55af": "ae10 -> 55af (effective head), add another account column",
		"d747": "27c6 -> d747 (shoppingcart) (head), add a shopping cart column",
		"27c6": "1975 -> 27c6 (shoppingcart), add shopping cart table",
		"1975": "<base> -> 1975 (branchpoint), create account table",
	} {
		if got := historyLine(g, id, false); got != want {
			t.Errorf("historyLine(%s) = %q, want %q", id, got, want)
		}
	}
	if got, want := oneLine(g, "55af", true, false, false), "55af (effective head)"; got != want {
		t.Errorf("heads line = %q, want %q", got, want)
	}
	if got, want := oneLine(g, "d747", true, false, false), "d747 (shoppingcart) (head)"; got != want {
		t.Errorf("heads line = %q, want %q", got, want)
	}
	if got, want := oneLine(g, "1975", false, true, false), "1975 (branchpoint)"; got != want {
		t.Errorf("current line = %q, want %q", got, want)
	}
}
