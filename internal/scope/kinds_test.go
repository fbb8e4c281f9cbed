package scope

import (
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/model"
)

// TestPatternsEveryKind: a pattern without a kind names objects of every
// kind that has a schema-level name; a prefix narrows it to one kind; a
// table's columns, constraints, triggers and policies are named by
// patterns of their kind, and go with their table.
func TestPatternsEveryKind(t *testing.T) {
	f := &Filter{Exclude: []string{"public.legacy_*", "function:app.old_*", "trigger:*.*.audit_*", "column:public.users.secret"}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		kind model.Kind
		name []string
		want bool
	}{
		{model.KindTable, []string{"public", "legacy_orders"}, false},
		{model.KindFunction, []string{"public", "legacy_fn"}, false},
		{model.KindEnum, []string{"public", "legacy_enum"}, false},
		{model.KindSequence, []string{"public", "legacy_seq"}, false},
		{model.KindView, []string{"public", "legacy_v"}, false},
		{model.KindIndex, []string{"public", "legacy_idx"}, false},
		{model.KindTable, []string{"app", "legacy_orders"}, true},
		{model.KindFunction, []string{"app", "old_fn"}, false},
		{model.KindTable, []string{"app", "old_t"}, true},
		{model.KindProcedure, []string{"app", "old_p"}, true},
		{model.KindTrigger, []string{"app", "t", "audit_row"}, false},
		{model.KindTrigger, []string{"app", "t", "touch"}, true},
		{model.KindColumn, []string{"public", "users", "secret"}, false},
		{model.KindColumn, []string{"public", "users", "legacy_note"}, true},
		{model.KindColumn, []string{"public", "legacy_orders", "id"}, false},
		{model.KindPolicy, []string{"public", "legacy_orders", "p"}, false},
		{model.KindSchema, []string{"public"}, true},
	}
	for _, c := range cases {
		if got := f.Object(c.kind, c.name...); got != c.want {
			t.Errorf("Object(%s, %s) = %v, want %v", c.kind, strings.Join(c.name, "."), got, c.want)
		}
	}

	inc := &Filter{Include: []string{"table:public.keep_*"}}
	if !inc.Object(model.KindFunction, "public", "anything") || !inc.Object(model.KindTable, "public", "keep_me") ||
		inc.Object(model.KindTable, "public", "drop_me") {
		t.Error("an include pattern of one kind restricts that kind only")
	}
	for _, bad := range []string{"fnction:public.x", "table:a.b.c", "[x", "column:"} {
		if err := (&Filter{Exclude: []string{bad}}).Validate(); err == nil {
			t.Errorf("pattern %q: want an error", bad)
		}
	}
}

// TestApplyIgnores: an ignored attribute of an object on both sides takes
// the database's value; other attributes and new objects stay as written.
func TestApplyIgnores(t *testing.T) {
	f := &Filter{Ignore: []IgnoreRule{
		{Objects: []string{"column:public.*.updated_at"}, Attributes: []string{"default"}},
		{Objects: []string{"table:public.events"}, Attributes: []string{"comment", "options"}},
		{Objects: []string{"function:public.*"}, Attributes: []string{"cost"}},
	}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	cur := &model.Catalog{Tables: []*model.Table{
		{Name: model.Name{Schema: "public", Name: "events"}, Comment: "db", Options: []string{"fillfactor=70"},
			Columns: []*model.Column{{Name: "updated_at", Type: "timestamp", Default: &model.Expr{SQL: "now()", Canon: "now()"}}}},
	}, Functions: []*model.Function{{Name: model.Name{Schema: "public", Name: "f"}, Cost: 100}}}
	des := &model.Catalog{Tables: []*model.Table{
		{Name: model.Name{Schema: "public", Name: "events"}, Comment: "file",
			Columns: []*model.Column{{Name: "updated_at", Type: "timestamptz"}}},
		{Name: model.Name{Schema: "public", Name: "other"},
			Columns: []*model.Column{{Name: "updated_at", Type: "timestamp", Default: &model.Expr{SQL: "1", Canon: "1"}}}},
	}, Functions: []*model.Function{{Name: model.Name{Schema: "public", Name: "f"}, Cost: 5}}}
	f.ApplyIgnores(cur, des)
	ev := des.Tables[0]
	if ev.Comment != "db" || len(ev.Options) != 1 || ev.Columns[0].Default == nil || ev.Columns[0].Type != "timestamptz" {
		t.Errorf("events after ignores: %+v, column %+v", ev, ev.Columns[0])
	}
	if des.Tables[1].Columns[0].Default.SQL != "1" {
		t.Error("a table only in schema.sql keeps its default")
	}
	if des.Functions[0].Cost != 100 {
		t.Errorf("function cost = %v", des.Functions[0].Cost)
	}
	err := (&Filter{Ignore: []IgnoreRule{{Objects: []string{"column:public.t.c"}, Attributes: []string{"dflt"}}}}).Validate()
	if err == nil || !strings.Contains(err.Error(), "default") {
		t.Errorf("an unknown attribute names the known ones: %v", err)
	}
}

// TestEveryKind: every kind the model declares can be named by a pattern
// and by an ignore rule.
func TestEveryKind(t *testing.T) {
	for _, k := range model.Kinds() {
		if _, ok := kindTypes[k]; !ok {
			t.Errorf("kind %s has no model type for ignore rules", k)
		}
		p, err := ParsePattern(kindPrefix(k) + ":*")
		if err != nil || !p.AppliesTo(k) {
			t.Errorf("kind %s cannot be named: %v", k, err)
		}
	}
}
