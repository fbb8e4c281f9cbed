package diff_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// changeTypes lists the types of package diff that implement Change, read
// from its source, so that a change type added later cannot escape the
// test below.
func changeTypes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	withOrder := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Name.Name != "order" {
				continue
			}
			if id, ok := fn.Recv.List[0].Type.(*ast.Ident); ok {
				withOrder[id.Name] = true
			}
		}
	}
	var out []string
	for name := range withOrder {
		out = append(out, name)
	}
	return out
}

func nm(s string) model.Name { return model.Name{Schema: "public", Name: s} }

// sampleChanges holds one value of every change type, built over a small
// catalog, for TestEveryChangeIsHandled.
func sampleChanges() map[string]diff.Change {
	col := &model.Column{Name: "c", Type: "integer"}
	gen := &model.Column{Name: "g", Type: "integer", Generated: &model.Expr{SQL: "c * 2", Canon: "(c * 2)"}}
	tbl := &model.Table{Name: nm("t"), Columns: []*model.Column{col}}
	part := &model.Table{Name: nm("t1"), PartitionOf: ptr(nm("t")), PartitionBound: "FOR VALUES IN (1)"}
	check := &model.Constraint{Name: "t_c_check", Kind: model.Check, Expr: &model.Expr{SQL: "c > 0", Canon: "(c > 0)"}}
	enum := &model.Enum{Name: nm("e"), Values: []string{"a", "b"}}
	enum2 := &model.Enum{Name: nm("e"), Values: []string{"b", "a"}}
	dom := &model.Domain{Name: nm("d"), Type: "integer"}
	comp := &model.Composite{Name: nm("ct"), Attributes: []*model.Attribute{{Name: "x", Type: "integer"}}}
	comp2 := &model.Composite{Name: nm("ct"), Attributes: []*model.Attribute{{Name: "x", Type: "integer"}, {Name: "y", Type: "text"}}}
	seq := &model.Sequence{Name: nm("s"), SequenceOptions: model.DefaultSequenceOptions("bigint", 1)}
	fn := &model.Function{Name: nm("f"), Returns: "integer", Language: "sql", Body: model.Expr{SQL: "SELECT 1", Canon: "SELECT 1"},
		Volatility: "VOLATILE", Security: "INVOKER", Parallel: "UNSAFE", Cost: 100}
	ix := &model.Index{Schema: "public", Name: "t_c_idx", Table: nm("t"), Method: "btree", Keys: []model.IndexKey{{Column: "c"}}}
	view := &model.View{Name: nm("v"), Query: model.Expr{SQL: "SELECT 1 AS one", Canon: "SELECT 1 AS one"}}
	trig := &model.Trigger{Table: nm("t"), Name: "trg", Function: nm("f"), Enabled: "O",
		Definition: model.Expr{SQL: "CREATE TRIGGER trg BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.f()"}}
	pol := &model.Policy{Name: "p", Permissive: true, Command: "ALL", Roles: []string{"public"}, Using: &model.Expr{SQL: "true", Canon: "true"}}
	rls := &model.Table{Name: nm("t"), RLSEnabled: true}
	return map[string]diff.Change{
		"CreateSchema":    diff.CreateSchema{Schema: &model.Schema{Name: "app"}},
		"DropSchema":      diff.DropSchema{Schema: &model.Schema{Name: "app"}},
		"CreateExtension": diff.CreateExtension{Extension: &model.Extension{Name: "citext"}},
		"DropExtension":   diff.DropExtension{Extension: &model.Extension{Name: "citext"}},
		"UpdateExtension": diff.UpdateExtension{From: &model.Extension{Name: "citext", Version: "1.5"}, To: &model.Extension{Name: "citext", Version: "1.6"}},
		"CreateCollation": diff.CreateCollation{Collation: &model.Collation{Name: nm("k"), Provider: "icu", Locale: "und", Deterministic: true}},
		"DropCollation":   diff.DropCollation{Collation: &model.Collation{Name: nm("k")}},
		"CreateEnum":      diff.CreateEnum{Enum: enum},
		"DropEnum":        diff.DropEnum{Enum: enum},
		"AddEnumValue":    diff.AddEnumValue{Enum: nm("e"), Value: "c", After: "b"},
		"SwapTypes":       diff.SwapTypes{Types: []diff.TypeSwap{{ID: enum.ID(), From: enum, To: enum2}}, Uses: []diff.TypeUse{{Table: nm("t"), Column: &model.Column{Name: "c", Type: "public.e"}}}},
		"CreateDomain":    diff.CreateDomain{Domain: dom},
		"DropDomain":      diff.DropDomain{Domain: dom},
		"AlterDomain":     diff.AlterDomain{From: dom, To: &model.Domain{Name: nm("d"), Type: "integer", NotNull: true}},
		"CreateComposite": diff.CreateComposite{Composite: comp},
		"DropComposite":   diff.DropComposite{Composite: comp},
		"AlterComposite":  diff.AlterComposite{From: comp, To: comp2, Add: []*model.Attribute{comp2.Attributes[1]}},
		"CreateSequence":  diff.CreateSequence{Sequence: seq},
		"DropSequence":    diff.DropSequence{Sequence: seq},
		"AlterSequence":   diff.AlterSequence{From: seq, To: seq},
		"SetClusterOn":    diff.SetClusterOn{From: tbl, To: &model.Table{Name: nm("t"), ClusterOn: "t_pkey"}},
		"SetIndexStatistics": diff.SetIndexStatistics{
			From: &model.Index{Schema: "public", Name: "i", Table: nm("t"), Keys: []model.IndexKey{{Expr: &model.Expr{SQL: "lower(a)"}}}},
			To:   &model.Index{Schema: "public", Name: "i", Table: nm("t"), Keys: []model.IndexKey{{Expr: &model.Expr{SQL: "lower(a)"}, Statistics: new(int)}}}},
		"SetSequenceLogged":       diff.SetSequenceLogged{From: seq, To: &model.Sequence{Name: seq.Name, Unlogged: true}},
		"SetSequenceOwner":        diff.SetSequenceOwner{Sequence: seq, To: &model.ColumnRef{Table: nm("t"), Column: "c"}},
		"CreateFunction":          diff.CreateFunction{Function: fn},
		"DropFunction":            diff.DropFunction{Function: fn},
		"CreateTable":             diff.CreateTable{Table: tbl},
		"DropTable":               diff.DropTable{Table: tbl},
		"SetAsideRows":            diff.SetAsideRows{Table: tbl, Root: tbl.Name, Lost: []string{"gone"}},
		"RouteRows":               diff.RouteRows{Table: tbl, From: []diff.RowSource{{Table: tbl, Copy: []string{"id"}}}},
		"SetTableLogged":          diff.SetTableLogged{From: tbl, To: &model.Table{Name: nm("t"), Unlogged: true}},
		"SetTableOptions":         diff.SetTableOptions{From: tbl, To: &model.Table{Name: nm("t"), Options: []string{"fillfactor=70"}}},
		"SetRowSecurity":          diff.SetRowSecurity{From: tbl, To: rls},
		"SetReplicaIdentity":      diff.SetReplicaIdentity{From: tbl, To: &model.Table{Name: nm("t"), ReplicaIdentity: "FULL"}},
		"AttachPartition":         diff.AttachPartition{Table: part},
		"DetachPartition":         diff.DetachPartition{Table: part},
		"SetInherit":              diff.SetInherit{Table: nm("t2"), Parent: nm("t")},
		"AddColumn":               diff.AddColumn{Table: nm("t"), Column: gen},
		"DropColumn":              diff.DropColumn{Table: nm("t"), Column: gen},
		"AlterColumn":             diff.AlterColumn{Table: nm("t"), From: col, To: &model.Column{Name: "c", Type: "bigint"}},
		"RenameTable":             diff.RenameTable{From: nm("t"), To: nm("t2")},
		"RenameColumn":            diff.RenameColumn{Table: nm("t"), From: "c", To: "c2"},
		"AddConstraint":           diff.AddConstraint{Table: nm("t"), Constraint: check},
		"DropConstraint":          diff.DropConstraint{Table: nm("t"), Constraint: check},
		"ValidateConstraint":      diff.ValidateConstraint{Table: nm("t"), Constraint: check},
		"RenameEnum":              diff.RenameEnum{From: nm("e"), To: nm("e2")},
		"RenameEnumValue":         diff.RenameEnumValue{Enum: nm("e"), From: "a", To: "z"},
		"RenameSequence":          diff.RenameSequence{From: nm("s"), To: nm("s2")},
		"RenameConstraint":        diff.RenameConstraint{Table: nm("t"), From: "t_c_check", To: "t_c_positive"},
		"CreateIndex":             diff.CreateIndex{Index: ix},
		"DropIndex":               diff.DropIndex{Index: ix},
		"RenameIndex":             diff.RenameIndex{Index: ix, From: "t_c_idx", To: "t_c_idx2"},
		"NameAttachedIndex":       diff.NameAttachedIndex{Table: nm("t"), Parent: nm("p_c_idx"), Name: "t_c_idx"},
		"SetClonedTriggerEnabled": diff.SetClonedTriggerEnabled{Table: nm("t"), Owner: nm("p"), Trigger: "tr", From: "O", To: "D", Level: 1},
		"AttachIndex":             diff.AttachIndex{Table: nm("t"), Parent: nm("p_c_idx"), Name: "t_c_idx", Index: &model.Index{Schema: "public", Name: "t_c_idx", Table: nm("t"), Method: "btree", Keys: []model.IndexKey{{Column: "c"}}}},
		"CreateView":              diff.CreateView{View: view},
		"DropView":                diff.DropView{View: view},
		"CreateTrigger":           diff.CreateTrigger{Trigger: trig},
		"DropTrigger":             diff.DropTrigger{Trigger: trig},
		"SetTriggerEnabled":       diff.SetTriggerEnabled{From: trig, To: &model.Trigger{Table: nm("t"), Name: "trg", Enabled: "D"}},
		"CreatePolicy":            diff.CreatePolicy{Table: nm("t"), Policy: pol},
		"DropPolicy":              diff.DropPolicy{Table: nm("t"), Policy: pol},
		"AlterPolicy":             diff.AlterPolicy{Table: nm("t"), From: pol, To: pol},
		"SetComment":              diff.SetComment{Object: model.ColumnID(nm("t"), "c"), To: "a column"},
		"SetOwner":                diff.SetOwner{Object: tbl.ID(), From: "a", To: "b"},
		"SetPrivileges": diff.SetPrivileges{Object: model.ColumnID(nm("t"), "c"),
			Grant: []model.Grant{{Grantee: "r", Privilege: "SELECT", GrantOption: true}}, Revoke: []model.Grant{{Grantee: model.Public, Privilege: "UPDATE"}},
			RevokeGrantOption: []model.Grant{{Grantee: "w", Privilege: "INSERT"}}},
		"SetDefaultPrivileges": diff.SetDefaultPrivileges{Role: "a", Schema: "app", On: "TABLES",
			Grant: []model.Grant{{Grantee: "r", Privilege: "SELECT"}}},
		"CreateDefinition": diff.CreateDefinition{Def: tsConfig},
		"DropDefinition":   diff.DropDefinition{Def: tsConfig},
		"AlterDefinition":  diff.AlterDefinition{From: tsConfig, To: tsConfig, Set: tsConfig.Settings, Reset: tsConfig.Settings},
	}
}

// tsConfig is a text search configuration with one mapping, for the
// samples of the definition changes.
var tsConfig = &model.Definition{ID: model.ObjectID{Kind: model.KindTSConfig, Name: nm("cfg")},
	Create: model.Expr{SQL: `CREATE TEXT SEARCH CONFIGURATION public.cfg (PARSER = "default")`},
	Settings: []model.Setting{{Name: "MAPPING FOR word", Value: model.Expr{SQL: "ALTER MAPPING FOR word WITH simple"},
		Reset: "DROP MAPPING FOR word"}}}

// sampleDefinitions holds one definition of every kind held as one, each
// with a comment where PostgreSQL allows one.
func sampleDefinitions(comment string) []*model.Definition {
	ids := []model.ObjectID{
		{Kind: model.KindAggregate, Name: nm("agg"), Args: "integer"},
		{Kind: model.KindOperator, Name: nm("==="), Args: "integer, integer"},
		{Kind: model.KindOpFamily, Name: nm("fam"), Args: "btree"},
		{Kind: model.KindOpClass, Name: nm("cls"), Args: "btree"},
		{Kind: model.KindCast, Args: "integer AS public.e"},
		{Kind: model.KindRange, Name: nm("rng")},
		{Kind: model.KindBaseType, Name: nm("base")},
		{Kind: model.KindTSParser, Name: nm("prs")},
		{Kind: model.KindTSTemplate, Name: nm("tmpl")},
		{Kind: model.KindTSDictionary, Name: nm("dict")},
		{Kind: model.KindTSConfig, Name: nm("cfg")},
		{Kind: model.KindRule, Name: nm("t"), Member: "r"},
		{Kind: model.KindEventTrigger, Name: model.Name{Name: "evt"}},
		{Kind: model.KindStatistics, Name: nm("st")},
		{Kind: model.KindFDW, Name: model.Name{Name: "fdw"}},
		{Kind: model.KindServer, Name: model.Name{Name: "srv"}},
		{Kind: model.KindUserMapping, Name: model.Name{Name: "srv"}, Member: "public"},
		{Kind: model.KindForeignTable, Name: nm("ft")},
		{Kind: model.KindPublication, Name: model.Name{Name: "pub"}},
	}
	var out []*model.Definition
	for _, id := range ids {
		d := &model.Definition{ID: id, Create: model.Expr{SQL: "CREATE " + id.Kind.Info().Keyword + " " + id.Object()}}
		if !id.Kind.Info().NoComment {
			d.Comment = comment
		}
		if id.Kind == model.KindForeignTable {
			d.Columns = []*model.Column{{Name: "c", Comment: comment}}
		}
		out = append(out, d)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// TestEveryChangeIsHandled fails when a change type of package diff is
// not handled by a stage: its effects (which order it), describing it,
// planning it into operations and rendering those operations.
func TestEveryChangeIsHandled(t *testing.T) {
	samples := sampleChanges()
	for _, name := range changeTypes(t) {
		c, ok := samples[name]
		if !ok {
			t.Errorf("no sample of diff.%s in sampleChanges: add one, so every stage is checked for it", name)
			continue
		}
		if c.Describe() == "" || c.Subject() == "" {
			t.Errorf("diff.%s: empty Describe or Subject", name)
		}
		if err := diff.EffectsOf(c); err != nil {
			t.Errorf("diff.%s: %v", name, err)
		}
		p, err := plan.Build([]diff.Change{c}, plan.Options{})
		if err != nil {
			t.Errorf("diff.%s: the plan does not handle it: %v", name, err)
			continue
		}
		if len(p.Ops()) == 0 {
			t.Errorf("diff.%s: planned into no operation", name)
		}
		if _, err := op.SQL(p.Ops()...); err != nil {
			t.Errorf("diff.%s: its operations do not render: %v", name, err)
		}
	}
}

// sampleCatalog holds one object of every kind, each with a comment.
func sampleCatalog() *model.Catalog {
	withComment := "a comment"
	return &model.Catalog{
		Schemas:    []*model.Schema{{Name: "app", Comment: withComment}},
		Extensions: []*model.Extension{{Name: "citext", Comment: withComment}},
		Collations: []*model.Collation{{Name: nm("k"), Provider: "icu", Locale: "und", Deterministic: true, Comment: withComment}},
		Enums:      []*model.Enum{{Name: nm("e"), Values: []string{"a"}, Comment: withComment}},
		Domains: []*model.Domain{{Name: nm("d"), Type: "integer", Comment: withComment,
			Checks: []*model.DomainCheck{{Name: "d_check", Expr: model.Expr{SQL: "VALUE > 0", Canon: "(VALUE > 0)"}, Comment: withComment}}}},
		Composites: []*model.Composite{{Name: nm("ct"), Attributes: []*model.Attribute{{Name: "x", Type: "integer", Comment: withComment}}, Comment: withComment}},
		Sequences:  []*model.Sequence{{Name: nm("s"), SequenceOptions: model.DefaultSequenceOptions("bigint", 1), Comment: withComment}},
		Functions: []*model.Function{
			{Name: nm("f"), Returns: "trigger", Language: "plpgsql", Body: model.Expr{SQL: "BEGIN RETURN NEW; END"}, Comment: withComment},
			{Name: nm("pr"), Procedure: true, Language: "sql", Body: model.Expr{SQL: "SELECT 1"}, Comment: withComment},
		},
		Tables: []*model.Table{{Name: nm("t"), Comment: withComment,
			Columns:     []*model.Column{{Name: "c", Type: "integer", Comment: withComment}},
			Constraints: []*model.Constraint{{Name: "t_c_check", Kind: model.Check, Expr: &model.Expr{SQL: "c > 0", Canon: "(c > 0)"}, Comment: withComment}},
			Policies:    []*model.Policy{{Name: "p", Command: "ALL", Roles: []string{"public"}, Comment: withComment}},
		}},
		Indexes: []*model.Index{{Schema: "public", Name: "t_c_idx", Table: nm("t"), Keys: []model.IndexKey{{Column: "c"}}, Comment: withComment}},
		Views: []*model.View{
			{Name: nm("v"), Query: model.Expr{SQL: "SELECT 1", Canon: "SELECT 1"}, Comment: withComment},
			{Name: nm("mv"), Materialized: true, Query: model.Expr{SQL: "SELECT 1", Canon: "SELECT 1"}, Comment: withComment},
		},
		Triggers:    []*model.Trigger{{Table: nm("t"), Name: "trg", Function: nm("f"), Comment: withComment}},
		Definitions: sampleDefinitions(withComment),
	}
}

// TestEveryKindIsHandled fails when a kind of model object is not
// enumerated by Catalog.Objects, has no SQL keyword that names it, or does
// not get its comment compared and planned into a COMMENT ON that renders.
func TestEveryKindIsHandled(t *testing.T) {
	cat := sampleCatalog()
	seen := map[model.Kind]model.ObjectID{}
	for _, o := range cat.Objects() {
		seen[o.ID.Kind] = o.ID
	}
	// The same catalog without comments: every object's comment is new.
	bare := sampleCatalog()
	for _, o := range bare.Objects() {
		clearComment(o.Value)
	}
	changes, err := diff.Diff(bare, cat)
	if err != nil {
		t.Fatal(err)
	}
	commented := map[model.Kind]bool{}
	for _, c := range changes {
		sc, ok := c.(diff.SetComment)
		if !ok {
			t.Errorf("comments only differ, yet the diff has %s", c.Describe())
			continue
		}
		commented[sc.Object.Kind] = true
		p, err := plan.Build([]diff.Change{sc}, plan.Options{})
		if err != nil {
			t.Errorf("%s: %v", sc.Object, err)
			continue
		}
		if _, err := op.SQL(p.Ops()...); err != nil {
			t.Errorf("comment on %s does not render: %v", sc.Object, err)
		}
	}
	for _, k := range model.Kinds() {
		info := k.Info()
		switch {
		case seen[k] == model.ObjectID{}:
			t.Errorf("kind %s: sampleCatalog has no object of it, or Catalog.Objects does not list it", k)
		case info.Keyword == "":
			t.Errorf("kind %s: no SQL keyword", k)
		case !commented[k] && !info.NoComment:
			t.Errorf("kind %s: a changed comment is not detected", k)
		}
	}
}

// clearComment empties the Comment field of a model value.
func clearComment(v any) {
	switch o := v.(type) {
	case *model.Schema:
		o.Comment = ""
	case *model.Extension:
		o.Comment = ""
	case *model.Collation:
		o.Comment = ""
	case *model.Enum:
		o.Comment = ""
	case *model.Domain:
		o.Comment = ""
	case *model.DomainCheck:
		o.Comment = ""
	case *model.Composite:
		o.Comment = ""
	case *model.Sequence:
		o.Comment = ""
	case *model.Function:
		o.Comment = ""
	case *model.Table:
		o.Comment = ""
	case *model.Column:
		o.Comment = ""
	case *model.Attribute:
		o.Comment = ""
	case *model.Constraint:
		o.Comment = ""
	case *model.Policy:
		o.Comment = ""
	case *model.Index:
		o.Comment = ""
	case *model.View:
		o.Comment = ""
	case *model.Trigger:
		o.Comment = ""
	case *model.Definition:
		o.Comment = ""
	default:
		panic(fmt.Sprintf("clearComment: %T", v))
	}
}
