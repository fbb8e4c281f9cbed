package runner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/golden"
	"github.com/autogen-dev/autogen/revision"
)

// graphRegistry is a graph with what the pictures must show: a base, a
// branch point, two labelled branches, a dependency across them, a merge
// and a second root.
func graphRegistry() *revision.Registry {
	reg := revision.NewRegistry()
	for _, r := range []*revision.Revision{
		{ID: "aaaa00000001", Message: "create users"},
		{ID: "bbbb00000002", Revises: []string{"aaaa00000001"}, Message: "add email"},
		{ID: "cccc00000003", Revises: []string{"bbbb00000002"}, BranchLabels: []string{"billing"}, Message: "invoices"},
		{ID: "dddd00000004", Revises: []string{"bbbb00000002"}, BranchLabels: []string{"search"}, Message: `index "names"`},
		{ID: "eeee00000005", Revises: []string{"dddd00000004"}, DependsOn: []string{"cccc00000003"}, Message: "search invoices"},
		{ID: "ffff00000006", Revises: []string{"cccc00000003", "eeee00000005"}, Message: "merge billing and search"},
		{ID: "1111000000a7", Revises: []string{"ffff00000006"}, Message: "after the merge\nsecond line"},
		{ID: "2222000000b8", BranchLabels: []string{"audit"}, Message: "separate audit history"},
	} {
		reg.Add(r)
	}
	return reg
}

// TestHistoryPictures renders history --graph, --format dot and --format
// mermaid of one graph against golden files (go test ./runner -run
// TestHistoryPictures -update rewrites them).
func TestHistoryPictures(t *testing.T) {
	for _, tt := range []struct{ name, golden string }{
		{"history --graph", "testdata/graph/graph.txt"},
		{"history --graph -r bbbb00000002:ffff00000006", "testdata/graph/graph-range.txt"},
		{"history --format dot", "testdata/graph/graph.dot"},
		{"history --format mermaid", "testdata/graph/graph.mmd"},
	} {
		var out, errOut bytes.Buffer
		args := strings.Fields(tt.name)
		if code := Main(graphRegistry(), args, WithIO(strings.NewReader(""), &out, &errOut), WithGetenv(func(string) string { return "" })); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errOut.String())
		}
		golden.Assert(t, tt.golden, out.String())
	}
	var errOut bytes.Buffer
	if code := Main(graphRegistry(), []string{"history", "--graph", "--format", "json"}, WithIO(strings.NewReader(""), &bytes.Buffer{}, &errOut)); code != 2 {
		t.Errorf("--graph with --format json: exit %d, want 2", code)
	}
}

// TestHistoryGraphOpenBranches draws two heads not merged yet, each line
// kept open down to their branch point.
func TestHistoryGraphOpenBranches(t *testing.T) {
	reg := revision.NewRegistry()
	reg.Add(&revision.Revision{ID: "a1", Message: "base"})
	reg.Add(&revision.Revision{ID: "b2", Revises: []string{"a1"}, Message: "left"})
	reg.Add(&revision.Revision{ID: "c3", Revises: []string{"a1"}, Message: "right"})
	reg.Add(&revision.Revision{ID: "d4", Revises: []string{"c3"}, Message: "right again"})
	reg.Add(&revision.Revision{ID: "e5", Revises: []string{"b2"}, Message: "left again"})
	var out bytes.Buffer
	if code := Main(reg, []string{"history", "--graph"}, WithIO(strings.NewReader(""), &out, &bytes.Buffer{})); code != 0 {
		t.Fatalf("exit %d", code)
	}
	golden.Assert(t, "testdata/graph/open-branches.txt", out.String())
}
