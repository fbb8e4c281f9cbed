package op_test

import (
	"reflect"
	"testing"

	"github.com/autogen-dev/autogen/op"
)

// finding is an expected hazard: the operation's index and the kind.
type finding struct {
	index int
	kind  op.HazardKind
}

func TestAnalyze(t *testing.T) {
	users := op.CreateTable{Schema: "public", Name: "users", Columns: []op.Column{{Name: "id", Type: "bigint"}}}
	tests := []struct {
		name string
		ops  []op.Operation
		want []finding
	}{
		{"nothing hazardous", []op.Operation{
			op.CreateSchema{Name: "s"}, op.AddColumn{Table: "t", Column: op.Column{Name: "c", Type: "int"}},
			op.CreateIndex{Table: "t", Name: "i", Columns: op.Cols("c"), Concurrently: true},
			op.AddConstraint{Table: "t", Constraint: op.Check{Name: "c", Expr: "c > 0", NotValid: true}},
			op.RenameColumn{Table: "t", Column: "a", NewName: "b"},
		}, nil},
		{"drops delete data", []op.Operation{
			op.DropTable{Name: "t"}, op.DropColumn{Table: "t", Column: "c"}, op.DropSchema{Name: "s", Cascade: true},
			op.DropSchema{Name: "empty"}, op.DropExtension{Name: "e"},
		}, []finding{{0, op.DeletesData}, {1, op.DeletesData}, {2, op.DeletesData}, {4, op.DeletesData}}},
		{"NOT NULL column without default may fail", []op.Operation{
			op.AddColumn{Table: "t", Column: op.Column{Name: "c", Type: "int", NotNull: true}},
			op.AddColumn{Table: "t", Column: op.Column{Name: "d", Type: "int", NotNull: true, Default: "0"}},
		}, []finding{{0, op.MayFail}}},
		{"volatile default, identity and generated columns rewrite", []op.Operation{
			op.AddColumn{Table: "t", Column: op.Column{Name: "u", Type: "uuid", Default: "gen_random_uuid()"}},
			op.AddColumn{Table: "t", Column: op.Column{Name: "n", Type: "bigint", NotNull: true, Identity: &op.Identity{}}},
			op.AddColumn{Table: "t", Column: op.Column{Name: "g", Type: "int", Generated: "a + 1"}},
			op.AddColumn{Table: "t", Column: op.Column{Name: "ts", Type: "timestamptz", Default: "now()"}},
		}, []finding{{0, op.RewritesTable}, {1, op.RewritesTable}, {2, op.RewritesTable}}},
		{"inline unique column builds an index", []op.Operation{
			op.AddColumn{Table: "t", Column: op.Column{Name: "c", Type: "int", Unique: true}},
		}, []finding{{0, op.BlocksWrites}}},
		{"type change rewrites and may fail", []op.Operation{
			op.AlterColumn{Table: "t", Column: "c", Type: "bigint"},
		}, []finding{{0, op.RewritesTable}, {0, op.MayFail}}},
		{"SET NOT NULL scans and may fail", []op.Operation{
			op.AlterColumn{Table: "t", Column: "c", SetNotNull: true},
			op.AlterColumn{Table: "t", Column: "c", DropNotNull: true},
		}, []finding{{0, op.LocksForScan}, {0, op.MayFail}}},
		{"add identity may fail, drop expression is irreversible", []op.Operation{
			op.AlterColumn{Table: "t", Column: "c", AddIdentity: &op.Identity{}},
			op.AlterColumn{Table: "t", Column: "g", DropExpression: true},
		}, []finding{{0, op.MayFail}, {1, op.Irreversible}}},
		{"validated constraints scan, NOT VALID ones do not", []op.Operation{
			op.AddConstraint{Table: "t", Constraint: op.Check{Name: "c", Expr: "c > 0"}},
			op.AddConstraint{Table: "t", Constraint: op.ForeignKey{Name: "f", Columns: []string{"u"}, References: op.Name{Name: "u"}}},
			op.AddConstraint{Table: "t", Constraint: op.ForeignKey{Name: "g", Columns: []string{"u"}, References: op.Name{Name: "u"}, NotValid: true}},
			op.ValidateConstraint{Table: "t", Name: "g"},
		}, []finding{{0, op.LocksForScan}, {0, op.MayFail}, {1, op.LocksForScan}, {1, op.MayFail}, {3, op.MayFail}}},
		{"index-backed constraints block writes and may fail", []op.Operation{
			op.AddConstraint{Table: "t", Constraint: op.PrimaryKey{Name: "p", Columns: []string{"id"}}},
			op.AddConstraint{Table: "t", Constraint: op.Unique{Name: "u", Columns: []string{"id"}}},
			op.AddConstraint{Table: "t", Constraint: op.Exclude{Name: "x", Elements: []op.ExcludeElement{{Element: "r", Operator: "&&"}}}},
		}, []finding{{0, op.BlocksWrites}, {0, op.MayFail}, {1, op.BlocksWrites}, {1, op.MayFail}, {2, op.BlocksWrites}, {2, op.MayFail}}},
		{"plain index builds and drops block writes", []op.Operation{
			op.CreateIndex{Table: "t", Name: "i", Columns: op.Cols("c")},
			op.CreateIndex{Table: "t", Name: "u", Unique: true, Concurrently: true, Columns: op.Cols("c")},
			op.DropIndex{Name: "i"},
			op.DropIndex{Name: "u", Concurrently: true},
		}, []finding{{0, op.BlocksWrites}, {1, op.MayFail}, {2, op.BlocksWrites}}},
		{"table rewrites and partition attach", []op.Operation{
			op.SetLogged{Table: "t"},
			op.AttachPartition{Table: "t", Partition: op.Name{Name: "p"}, Bound: "DEFAULT"},
		}, []finding{{0, op.RewritesTable}, {1, op.LocksForScan}}},
		{"enum values cannot be removed", []op.Operation{
			op.AddEnumValue{Type: "e", Value: "v"},
		}, []finding{{0, op.Irreversible}}},
		{"domain rules may fail", []op.Operation{
			op.AlterDomain{Name: "d", SetNotNull: true},
			op.AlterDomain{Name: "d", AddCheck: &op.DomainCheck{Name: "c", Expr: "VALUE > 0", NotValid: true}},
			op.AlterDomain{Name: "d", Validate: "c"},
		}, []finding{{0, op.MayFail}, {2, op.MayFail}}},
		{"raw SQL is untracked", []op.Operation{
			op.Execute{SQL: "UPDATE t SET c = 1"},
		}, []finding{{0, op.Untracked}}},
		{"changes to a table created in the same list hold no risk", []op.Operation{
			users,
			op.AddColumn{Schema: "public", Table: "users", Column: op.Column{Name: "email", Type: "text", NotNull: true}},
			op.AlterColumn{Schema: "public", Table: "users", Column: "email", Type: "citext", SetNotNull: true},
			op.AddConstraint{Schema: "public", Table: "users", Constraint: op.Check{Name: "c", Expr: "id > 0"}},
			op.CreateIndex{Schema: "public", Table: "users", Name: "i", Unique: true, Columns: op.Cols("email")},
			op.ValidateConstraint{Schema: "public", Table: "users", Name: "c"},
			op.Execute{SQL: "UPDATE users SET id = 1"},
		}, []finding{{6, op.Untracked}}},
		{"the fresh-table rule needs the same schema and table", []op.Operation{
			users,
			op.CreateIndex{Schema: "other", Table: "users", Name: "i", Columns: op.Cols("id")},
			op.CreateIndex{Schema: "public", Table: "orders", Name: "j", Columns: op.Cols("id")},
		}, []finding{{1, op.BlocksWrites}, {2, op.BlocksWrites}}},
		{"SET NOT NULL after a validated IS NOT NULL check neither scans nor fails", []op.Operation{
			op.AddConstraint{Table: "t", Constraint: op.Check{Name: "c_nn", Expr: `"C" IS NOT NULL`, NotValid: true}},
			op.ValidateConstraint{Table: "t", Name: "c_nn"},
			op.AlterColumn{Table: "t", Column: "C", SetNotNull: true},
			op.AlterColumn{Table: "t", Column: "d", SetNotNull: true},
			op.AddConstraint{Table: "u", Constraint: op.Check{Name: "e_nn", Expr: "(e IS NOT NULL)"}},
			op.AlterColumn{Table: "u", Column: "e", SetNotNull: true, Type: "bigint", FromType: "integer"},
		}, []finding{{1, op.MayFail}, {3, op.LocksForScan}, {3, op.MayFail}, {4, op.LocksForScan}, {4, op.MayFail}, {5, op.RewritesTable}}},
		{"an unvalidated check proves nothing", []op.Operation{
			op.AddConstraint{Table: "t", Constraint: op.Check{Name: "c_nn", Expr: "c IS NOT NULL", NotValid: true}},
			op.AlterColumn{Table: "t", Column: "c", SetNotNull: true},
		}, []finding{{1, op.LocksForScan}, {1, op.MayFail}}},
		{"dropping a table created in the same list still deletes data", []op.Operation{
			users, op.DropTable{Schema: "public", Name: "users"},
		}, []finding{{1, op.DeletesData}}},
		{"an index on a materialized view created in the same list blocks no one", []op.Operation{
			op.CreateView{Schema: "public", Name: "mv", Materialized: true, Query: "SELECT 1 AS id"},
			op.CreateIndex{Schema: "public", Table: "mv", Name: "i", Columns: op.Cols("id")},
			op.CreateIndex{Schema: "public", Table: "mv", Name: "u", Unique: true, Columns: op.Cols("id")},
			op.CreateView{Schema: "public", Name: "empty", Materialized: true, WithNoData: true, Query: "SELECT 1 AS id"},
			op.CreateIndex{Schema: "public", Table: "empty", Name: "e", Unique: true, Columns: op.Cols("id")},
			op.CreateView{Schema: "public", Name: "plain", Query: "SELECT 1 AS id"},
		}, []finding{{2, op.MayFail}}},
		{"operations of the table created later are not fresh", []op.Operation{
			op.CreateIndex{Schema: "public", Table: "users", Name: "i", Columns: op.Cols("id")},
			users,
		}, []finding{{0, op.BlocksWrites}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []finding
			for _, f := range op.Analyze(tt.ops) {
				if f.Message == "" {
					t.Errorf("hazard %s of operation %d has no message", f.Kind, f.Index)
				}
				got = append(got, finding{f.Index, f.Kind})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	hs := []op.Hazard{{Kind: op.Untracked}, {Kind: op.MayFail}, {Kind: op.DeletesData}, {Kind: op.MayFail}}
	want := []op.HazardKind{op.DeletesData, op.MayFail, op.Untracked}
	if got := op.Kinds(hs); !reflect.DeepEqual(got, want) {
		t.Errorf("Kinds = %v, want %v", got, want)
	}
	if got := op.Kinds(nil); got != nil {
		t.Errorf("Kinds(nil) = %v", got)
	}
	if got := op.HazardsOf(op.CreateSchema{Name: "s"}); got != nil {
		t.Errorf("HazardsOf a harmless operation = %v", got)
	}
}
