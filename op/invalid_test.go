package op_test

import (
	"errors"
	"testing"

	"github.com/autogen-dev/autogen/op"
)

// TestInvalidOperations checks that operations missing a required field, or
// asking for contradictory things, refuse to render with an error wrapping
// ErrInvalid instead of producing broken SQL.
func TestInvalidOperations(t *testing.T) {
	col := op.Column{Name: "c", Type: "int"}
	tests := []struct {
		name string
		op   op.Operation
	}{
		{"create table without name", op.CreateTable{Columns: []op.Column{col}}},
		{"column without type", op.CreateTable{Name: "t", Columns: []op.Column{{Name: "c"}}}},
		{"column without name", op.AddColumn{Table: "t", Column: op.Column{Type: "int"}}},
		{"primary key without columns", op.CreateTable{Name: "t", Constraints: []op.Constraint{op.PrimaryKey{Name: "pk"}}}},
		{"unique without columns", op.AddConstraint{Table: "t", Constraint: op.Unique{Name: "u"}}},
		{"check without expression", op.AddConstraint{Table: "t", Constraint: op.Check{Name: "c"}}},
		{"NOT VALID check without expression in create table", op.CreateTable{Name: "t", Columns: []op.Column{col}, Constraints: []op.Constraint{op.Check{Name: "c", NotValid: true}}}},
		{"foreign key without references", op.AddConstraint{Table: "t", Constraint: op.ForeignKey{Name: "f", Columns: []string{"c"}}}},
		{"foreign key without columns", op.AddConstraint{Table: "t", Constraint: op.ForeignKey{Name: "f", References: op.Name{Name: "u"}}}},
		{"exclude without elements", op.AddConstraint{Table: "t", Constraint: op.Exclude{Name: "x"}}},
		{"add constraint without constraint", op.AddConstraint{Table: "t"}},
		{"add constraint without table", op.AddConstraint{Constraint: op.Check{Expr: "true"}}},
		{"partition without bound", op.CreateTable{Name: "p", PartitionOf: &op.Name{Name: "t"}}},
		{"drop table without name", op.DropTable{}},
		{"rename table without new name", op.RenameTable{Name: "t"}},
		{"set logged without table", op.SetLogged{}},
		{"set sequence logged without name", op.SetSequenceLogged{}},
		{"set cluster on without table", op.SetClusterOn{}},
		{"set index statistics without a column", op.SetIndexStatistics{Index: "i"}},
		{"statistics target of a plain index column", op.CreateIndex{Table: "t", Name: "i", Columns: []op.IndexColumn{{Name: "a", Statistics: op.Int64(5)}}}},
		{"set table options without table", op.SetTableOptions{}},
		{"attach partition without bound", op.AttachPartition{Table: "t", Partition: op.Name{Name: "p"}}},
		{"detach partition without partition", op.DetachPartition{Table: "t"}},
		{"set inherit without parent", op.SetInherit{Table: "t"}},
		{"row security enable and disable", op.SetRowSecurity{Table: "t", Enable: true, Disable: true}},
		{"row security force and no force", op.SetRowSecurity{Table: "t", Force: true, NoForce: true}},
		{"add column without table", op.AddColumn{Column: col}},
		{"drop column without column", op.DropColumn{Table: "t"}},
		{"rename column without new name", op.RenameColumn{Table: "t", Column: "c"}},
		{"alter column without change", op.AlterColumn{Table: "t", Column: "c"}},
		{"alter column without column", op.AlterColumn{Table: "t", SetNotNull: true}},
		{"index without columns", op.CreateIndex{Table: "t", Name: "i"}},
		{"index without table", op.CreateIndex{Name: "i", Columns: op.Cols("c")}},
		{"index key with name and expression", op.CreateIndex{Table: "t", Columns: []op.IndexColumn{{Name: "c", Expr: "lower(c)"}}}},
		{"index key with neither name nor expression", op.CreateIndex{Table: "t", Columns: []op.IndexColumn{{Desc: true}}}},
		{"drop index without name", op.DropIndex{}},
		{"rename index without new name", op.RenameIndex{Name: "i"}},
		{"name attached index without name", op.NameAttachedIndex{Table: "t", Parent: "p"}},
		{"rename sequence without new name", op.RenameSequence{Name: "s"}},
		{"attach index without partition", op.AttachIndex{Index: "i"}},
		{"drop constraint without name", op.DropConstraint{Table: "t"}},
		{"validate constraint without name", op.ValidateConstraint{Table: "t"}},
		{"rename constraint without new name", op.RenameConstraint{Table: "t", Name: "c"}},
		{"enum without name", op.CreateEnum{Values: []string{"a"}}},
		{"drop type without name", op.DropType{}},
		{"enum value without value", op.AddEnumValue{Type: "e"}},
		{"enum value both before and after", op.AddEnumValue{Type: "e", Value: "v", Before: "a", After: "b"}},
		{"rename enum value without target", op.RenameEnumValue{Type: "e", From: "a"}},
		{"rename type without new name", op.RenameType{Name: "t"}},
		{"composite without name", op.CreateComposite{}},
		{"domain without type", op.CreateDomain{Name: "d"}},
		{"drop domain without name", op.DropDomain{}},
		{"alter domain without name", op.AlterDomain{SetNotNull: true}},
		{"alter domain without change", op.AlterDomain{Name: "d"}},
		{"sequence without name", op.CreateSequence{}},
		{"drop sequence without name", op.DropSequence{}},
		{"alter sequence without name", op.AlterSequence{}},
		{"schema without name", op.CreateSchema{}},
		{"drop schema without name", op.DropSchema{}},
		{"extension without name", op.CreateExtension{}},
		{"drop extension without name", op.DropExtension{}},
		{"update extension without name", op.UpdateExtension{}},
		{"collation without name", op.CreateCollation{}},
		{"drop collation without name", op.DropCollation{}},
		{"function without language", op.CreateFunction{Name: "f", Body: "SELECT 1"}},
		{"drop function without name", op.DropFunction{}},
		{"trigger without definition", op.CreateTrigger{Table: "t", Name: "tr"}},
		{"drop trigger without table", op.DropTrigger{Name: "tr"}},
		{"trigger state unknown", op.SetTriggerEnabled{Table: "t", Name: "tr", State: "X"}},
		{"view without query", op.CreateView{Name: "v"}},
		{"drop view without name", op.DropView{}},
		{"refresh without name", op.RefreshMaterializedView{}},
		{"policy without table", op.CreatePolicy{Name: "p"}},
		{"drop policy without name", op.DropPolicy{Table: "t"}},
		{"alter policy without table", op.AlterPolicy{Name: "p"}},
		{"comment without kind", op.Comment{Name: "t", Text: "x"}},
		{"comment without name", op.Comment{On: "TABLE", Text: "x"}},
		{"execute without SQL", op.Execute{SQL: "  \n"}},
		{"bulk insert without columns", op.BulkInsert{Table: "t", Rows: [][]any{{1}}}},
		{"bulk insert without table", op.BulkInsert{Columns: []string{"a"}}},
		{"bulk insert short row", op.BulkInsert{Table: "t", Columns: []string{"a", "b"}, Rows: [][]any{{1, 2}, {1}}}},
		{"bulk insert value without literal", op.BulkInsert{Table: "t", Columns: []string{"a"}, Rows: [][]any{{[]int{1}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stmts, err := tt.op.Statements()
			if !errors.Is(err, op.ErrInvalid) {
				t.Fatalf("Statements() = %q, %v; want an error wrapping ErrInvalid", stmts, err)
			}
		})
	}
}

// TestIrreversible checks that Reverse refuses, with ErrInvalid, what it
// cannot undo exactly.
func TestIrreversible(t *testing.T) {
	tests := []struct {
		name string
		op   op.Reverser
	}{
		{"unnamed constraint", op.AddConstraint{Table: "t", Constraint: op.Check{Expr: "true"}}},
		{"no constraint", op.AddConstraint{Table: "t"}},
		{"unnamed index", op.CreateIndex{Table: "t", Columns: op.Cols("c")}},
		{"execute without undo", op.Execute{SQL: "SELECT 1"}},
	}
	for _, tt := range tests {
		if rev, err := tt.op.Reverse(); !errors.Is(err, op.ErrInvalid) {
			t.Errorf("%s: Reverse() = %v, %v; want an error wrapping ErrInvalid", tt.name, rev, err)
		}
	}
}

// TestReverseTwiceIsIdentity checks that renames and switches reverse back
// to the operation they started from.
func TestReverseTwiceIsIdentity(t *testing.T) {
	ops := []op.Reverser{
		op.RenameTable{Schema: "s", Name: "a", NewName: "b"},
		op.RenameColumn{Schema: "s", Table: "t", Column: "a", NewName: "b"},
		op.RenameConstraint{Schema: "s", Table: "t", Name: "a", NewName: "b"},
		op.RenameIndex{Schema: "s", Name: "a", NewName: "b"},
		op.RenameSequence{Schema: "s", Name: "a", NewName: "b"},
		op.RenameEnumValue{Schema: "s", Type: "e", From: "a", To: "b"},
		op.RenameType{Schema: "s", Name: "a", NewName: "b", Domain: true},
		op.SetLogged{Schema: "s", Table: "t", Unlogged: true},
		op.SetSequenceLogged{Schema: "s", Name: "q", Unlogged: true},
		op.SetInherit{Schema: "s", Table: "t", Parent: op.Name{Name: "p"}},
		op.SetRowSecurity{Schema: "s", Table: "t", Enable: true, NoForce: true},
		op.Execute{SQL: "a", Undo: "b", NoTransaction: true},
	}
	for _, o := range ops {
		r1, err := o.Reverse()
		if err != nil {
			t.Fatalf("%T: %v", o, err)
		}
		r2, err := r1.(op.Reverser).Reverse()
		if err != nil {
			t.Fatalf("%T: %v", r1, err)
		}
		if any(r2) != any(o) {
			t.Errorf("%T reversed twice = %+v, want %+v", o, r2, o)
		}
	}
}

// TestNonTransactional checks which operations say they cannot run in a
// transaction block, which the runner relies on to refuse them early.
func TestNonTransactional(t *testing.T) {
	tests := []struct {
		op   op.Operation
		want bool
	}{
		{op.CreateIndex{Table: "t", Columns: op.Cols("c"), Concurrently: true}, true},
		{op.CreateIndex{Table: "t", Columns: op.Cols("c")}, false},
		{op.DropIndex{Name: "i", Concurrently: true}, true},
		{op.DropIndex{Name: "i"}, false},
		{op.Execute{SQL: "VACUUM", NoTransaction: true}, true},
		{op.Execute{SQL: "SELECT 1"}, false},
	}
	for _, tt := range tests {
		nt, ok := tt.op.(op.NonTransactional)
		if got := ok && nt.NonTransactional(); got != tt.want {
			t.Errorf("%+v: NonTransactional = %v, want %v", tt.op, got, tt.want)
		}
	}
	rev, err := op.CreateIndex{Name: "i", Table: "t", Columns: op.Cols("c"), Concurrently: true}.Reverse()
	if err != nil || !rev.(op.NonTransactional).NonTransactional() {
		t.Errorf("the reverse of a concurrent build is %+v, %v; want a concurrent drop", rev, err)
	}
}

func TestSQLConcatenatesInOrder(t *testing.T) {
	stmts, err := op.SQL(op.CreateSchema{Name: "a"}, op.BulkInsert{Table: "t", Columns: []string{"x"}}, op.DropSchema{Name: "a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 2 || stmts[0] != "CREATE SCHEMA a" || stmts[1] != "DROP SCHEMA a" {
		t.Errorf("SQL = %q", stmts)
	}
	if _, err := op.SQL(op.CreateSchema{Name: "a"}, op.DropTable{}); !errors.Is(err, op.ErrInvalid) {
		t.Errorf("SQL with an invalid operation: %v", err)
	}
}
