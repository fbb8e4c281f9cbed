package op_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/golden"
	"github.com/autogen-dev/autogen/op"
)

// TestRenderGolden renders every operation of the scenario, and the reverse
// of those that have one, into testdata/render.golden. Run with -update
// after an intended change and review the diff.
func TestRenderGolden(t *testing.T) {
	var b strings.Builder
	for _, s := range scenario() {
		stmts, err := s.op.Statements()
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		writeStatements(&b, fmt.Sprintf("%s (%T)", s.name, s.op), stmts)
		r, ok := s.op.(op.Reverser)
		if !ok {
			continue
		}
		rev, err := r.Reverse()
		if err != nil {
			if !errors.Is(err, op.ErrInvalid) {
				t.Errorf("%s: Reverse error does not wrap ErrInvalid: %v", s.name, err)
			}
			fmt.Fprintf(&b, "-- %s: reverse: %v\n\n", s.name, err)
			continue
		}
		stmts, err = rev.Statements()
		if err != nil {
			t.Errorf("%s: rendering the reverse: %v", s.name, err)
			continue
		}
		writeStatements(&b, fmt.Sprintf("%s: reverse (%T)", s.name, rev), stmts)
	}
	golden.Assert(t, "testdata/render.golden", b.String())
}

func writeStatements(b *strings.Builder, title string, stmts []string) {
	fmt.Fprintf(b, "-- %s\n", title)
	if len(stmts) == 0 {
		b.WriteString("-- (no statements)\n")
	}
	for _, s := range stmts {
		b.WriteString(s + ";\n")
	}
	b.WriteString("\n")
}

// TestScenarioCoversEveryOperation fails when an operation type exists that
// the scenario never renders, so new operations get golden coverage.
func TestScenarioCoversEveryOperation(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range scenario() {
		seen[fmt.Sprintf("%T", s.op)] = true
		if r, ok := s.op.(op.Reverser); ok {
			if rev, err := r.Reverse(); err == nil {
				seen[fmt.Sprintf("%T", rev)] = true
			}
		}
		if s.undo != nil {
			seen[fmt.Sprintf("%T", s.undo)] = true
		}
	}
	all := []op.Operation{
		op.AddColumn{}, op.DropColumn{}, op.RenameColumn{}, op.AlterColumn{}, op.Comment{}, op.AddConstraint{},
		op.DropConstraint{}, op.ValidateConstraint{}, op.RenameConstraint{}, op.CreateFunction{}, op.DropFunction{},
		op.CreateIndex{}, op.DropIndex{}, op.RenameIndex{}, op.AttachIndex{}, op.CreatePolicy{}, op.DropPolicy{},
		op.AlterPolicy{}, op.Execute{}, op.BulkInsert{}, op.CreateSchema{}, op.DropSchema{}, op.CreateExtension{},
		op.DropExtension{}, op.UpdateExtension{}, op.CreateCollation{}, op.DropCollation{}, op.CreateSequence{},
		op.DropSequence{}, op.AlterSequence{}, op.RenameSequence{}, op.CreateTable{}, op.DropTable{}, op.RenameTable{}, op.SetLogged{},
		op.SetTableOptions{}, op.AttachPartition{}, op.DetachPartition{}, op.SetInherit{}, op.SetRowSecurity{},
		op.CreateTrigger{}, op.DropTrigger{}, op.SetTriggerEnabled{}, op.CreateEnum{}, op.DropType{}, op.AddEnumValue{},
		op.RenameEnumValue{}, op.RenameType{}, op.CreateComposite{}, op.CreateDomain{}, op.DropDomain{}, op.AlterDomain{},
		op.CreateView{}, op.DropView{}, op.RefreshMaterializedView{}, op.Backfill{},
	}
	for _, o := range all {
		if name := fmt.Sprintf("%T", o); !seen[name] {
			t.Errorf("the scenario never renders %s", name)
		}
	}
}
