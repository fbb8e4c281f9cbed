package mdreport

import (
	"bytes"
	"testing"

	"github.com/autogen-dev/autogen/internal/golden"
	"github.com/autogen-dev/autogen/op"
)

// TestDiff renders a comparison with hazards of every severity, a table
// cell that needs escaping, and an in-sync one (go test
// ./internal/mdreport -update rewrites the golden files).
func TestDiff(t *testing.T) {
	var b bytes.Buffer
	Diff(&b, []Change{
		{Description: "added table 'notes'"},
		{Description: "added column 'users.a|b'", Hazards: []op.Hazard{{Kind: op.MayFail, Message: "existing rows without a value make SET NOT NULL fail"}}},
		{Description: "removed column 'users.legacy'", Hazards: []op.Hazard{{Kind: op.DeletesData, Message: "drops column users.legacy and its values"}}},
		{Description: "added index 'users_email' on 'users'", Hazards: []op.Hazard{{Kind: op.BlocksWrites, Message: "building index users_email blocks writes to users; build it CONCURRENTLY"}}},
	}, []string{"CREATE TABLE public.notes (\n    id int\n)", "ALTER TABLE public.users ADD COLUMN \"a|b\" int NOT NULL", "ALTER TABLE public.users DROP COLUMN legacy", "CREATE INDEX users_email ON public.users (email)"})
	golden.Assert(t, "testdata/diff.md", b.String())
	b.Reset()
	Diff(&b, nil, nil)
	golden.Assert(t, "testdata/diff-in-sync.md", b.String())
}

// TestLint renders lint findings, acknowledged and not.
func TestLint(t *testing.T) {
	var b bytes.Buffer
	Lint(&b, []Revision{
		{ID: "aaaa00000001", Message: "drop legacy\nlong text", Findings: []Finding{
			{Hazard: op.Hazard{Kind: op.DeletesData, Message: "drops column users.legacy and its values"}, Operation: "operation 1, op.DropColumn", Acknowledged: true},
			{Hazard: op.Hazard{Kind: op.RewritesTable, Message: "changing the type of users.id rewrites the table"}, Operation: "operation 2, op.AlterColumn"},
		}},
		{ID: "bbbb00000002", Message: "clean"},
	})
	golden.Assert(t, "testdata/lint.md", b.String())
	b.Reset()
	Lint(&b, []Revision{{ID: "bbbb00000002", Message: "clean"}})
	golden.Assert(t, "testdata/lint-clean.md", b.String())
}

func TestSeverity(t *testing.T) {
	for _, k := range op.HazardKinds {
		if s := Severity(k); s != "high" && s != "medium" && s != "low" {
			t.Errorf("%s has severity %q", k, s)
		}
	}
	if Severity(op.DeletesData) != "high" || Severity(op.BlocksWrites) != "medium" || Severity(op.MayFail) != "low" {
		t.Error("severities out of order")
	}
}
