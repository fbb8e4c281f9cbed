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
		if got := relativeArgs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("relativeArgs(%q) = %q, want %q", tt.in, got, tt.want)
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
// merge revision, whose parent list holds a comma of its own.
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
		{"m", true, "b1, b2 -> m (head) (mergepoint) (current), join, at last"},
		{"m", false, "b1, b2 -> m (head) (mergepoint), join, at last"},
		{"a", true, "<base> -> a (branchpoint) (current), base"},
		{"b1", false, "a -> b1, left"},
	}
	for _, tt := range tests {
		if got := historyLine(g, tt.id, tt.current); got != tt.want {
			t.Errorf("historyLine(%s, %v) = %q, want %q", tt.id, tt.current, got, tt.want)
		}
	}
}
