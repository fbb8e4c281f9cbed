package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/model"
)

func n(name string) model.Name { return model.Name{Schema: "public", Name: name} }

func expr(s string) *model.Expr { return &model.Expr{SQL: s, Canon: s} }

func col(name, typ string) *model.Column { return &model.Column{Name: name, Type: typ} }

func table(name string, cols ...*model.Column) *model.Table {
	return &model.Table{Name: n(name), Columns: cols}
}

func cat(f func(c *model.Catalog)) *model.Catalog {
	c := &model.Catalog{}
	f(c)
	c.Sort()
	return c
}

// kinds renders changes as "Type subject" lines for comparison.
func kinds(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%T %s", c, c.Describe()))
	}
	return out
}

func mustDiff(t *testing.T, from, to *model.Catalog, opts ...Option) []Change {
	t.Helper()
	cs, err := Diff(from, to, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func indexOf(t *testing.T, lines []string, substr string) int {
	t.Helper()
	for i, l := range lines {
		if strings.Contains(l, substr) {
			return i
		}
	}
	t.Fatalf("no change mentions %q in:\n%s", substr, strings.Join(lines, "\n"))
	return -1
}

func before(t *testing.T, lines []string, a, b string) {
	t.Helper()
	if indexOf(t, lines, a) >= indexOf(t, lines, b) {
		t.Errorf("%q should come before %q:\n%s", a, b, strings.Join(lines, "\n"))
	}
}

func TestForeignKeyCycleAddsKeysAfterTables(t *testing.T) {
	fk := func(name, ref string) *model.Constraint {
		r := n(ref)
		return &model.Constraint{Name: name, Kind: model.ForeignKey, Columns: []string{"ref"}, References: &r, RefColumns: []string{"id"}}
	}
	pk := func(name string) *model.Constraint {
		return &model.Constraint{Name: name, Kind: model.PrimaryKey, Columns: []string{"id"}}
	}
	to := cat(func(c *model.Catalog) {
		a := table("a", col("id", "integer"), col("ref", "integer"))
		a.Constraints = []*model.Constraint{pk("a_pkey"), fk("a_ref_fkey", "b")}
		b := table("b", col("id", "integer"), col("ref", "integer"))
		b.Constraints = []*model.Constraint{pk("b_pkey"), fk("b_ref_fkey", "a")}
		c.Tables = []*model.Table{b, a}
	})
	lines := kinds(mustDiff(t, &model.Catalog{}, to))
	before(t, lines, "added table 'a'", "foreign key constraint 'a_ref_fkey'")
	before(t, lines, "added table 'b'", "foreign key constraint 'a_ref_fkey'")
	before(t, lines, "added table 'b'", "foreign key constraint 'b_ref_fkey'")
	for _, c := range mustDiff(t, &model.Catalog{}, to) {
		if ct, ok := c.(CreateTable); ok && slices.ContainsFunc(ct.Table.Constraints, func(c *model.Constraint) bool { return c.Kind == model.ForeignKey }) {
			t.Errorf("CreateTable %s carries a foreign key; keys must be added after every table", ct.Table.Name)
		}
	}
	// Dropping both: the keys go first, then the tables.
	down := kinds(mustDiff(t, to, &model.Catalog{}))
	before(t, down, "removed foreign key constraint 'a_ref_fkey'", "removed table 'b'")
	before(t, down, "removed foreign key constraint 'b_ref_fkey'", "removed table 'a'")
}

func TestViewIsRecreatedAroundColumnTypeChange(t *testing.T) {
	mk := func(typ string) *model.Catalog {
		return cat(func(c *model.Catalog) {
			c.Tables = []*model.Table{table("t", col("id", "integer"), col("v", typ))}
			c.Views = []*model.View{{Name: n("tv"), Query: model.Expr{SQL: "SELECT v FROM t", Canon: "select v from public.t", Refs: []model.Ref{{Kind: model.RefRelation, Name: n("t")}, {Kind: model.RefColumn, Name: n("t"), Column: "v"}}}}}
		})
	}
	lines := kinds(mustDiff(t, mk("integer"), mk("bigint")))
	if len(lines) != 3 {
		t.Fatalf("want drop view, alter column, create view; got:\n%s", strings.Join(lines, "\n"))
	}
	before(t, lines, "removed view 'tv'", "changed column 't.v'")
	before(t, lines, "changed column 't.v'", "added view 'tv'")
}

func TestViewChainDroppedDependentsFirst(t *testing.T) {
	from := cat(func(c *model.Catalog) {
		c.Tables = []*model.Table{table("t", col("x", "integer"))}
		c.Views = []*model.View{
			{Name: n("v1"), Query: model.Expr{Canon: "1", Refs: []model.Ref{{Kind: model.RefRelation, Name: n("t")}}}},
			{Name: n("v2"), Query: model.Expr{Canon: "2", Refs: []model.Ref{{Kind: model.RefRelation, Name: n("v1")}}}},
			{Name: n("v0"), Query: model.Expr{Canon: "0", Refs: []model.Ref{{Kind: model.RefRelation, Name: n("v2")}}}},
		}
	})
	lines := kinds(mustDiff(t, from, cat(func(c *model.Catalog) {})))
	before(t, lines, "removed view 'v0'", "removed view 'v2'")
	before(t, lines, "removed view 'v2'", "removed view 'v1'")
	before(t, lines, "removed view 'v1'", "removed table 't'")
	up := kinds(mustDiff(t, cat(func(c *model.Catalog) {}), from))
	before(t, up, "added table 't'", "added view 'v1'")
	before(t, up, "added view 'v1'", "added view 'v2'")
	before(t, up, "added view 'v2'", "added view 'v0'")
}

func TestEnumValuesAddedInPlaceOrRecreated(t *testing.T) {
	mk := func(vals ...string) *model.Catalog {
		return cat(func(c *model.Catalog) {
			c.Enums = []*model.Enum{{Name: n("mood"), Values: vals}}
			c.Tables = []*model.Table{table("t", &model.Column{Name: "m", Type: "public.mood", Default: expr("'ok'::public.mood")})}
		})
	}
	cs := mustDiff(t, mk("sad", "happy"), mk("first", "sad", "ok", "happy", "last"))
	var adds []AddEnumValue
	for _, c := range cs {
		adds = append(adds, c.(AddEnumValue))
	}
	want := []AddEnumValue{
		{Enum: n("mood"), Value: "first", Before: "sad"},
		{Enum: n("mood"), Value: "ok", After: "sad"},
		{Enum: n("mood"), Value: "last", After: "happy"},
	}
	if !slices.Equal(adds, want) {
		t.Errorf("got %+v, want %+v", adds, want)
	}
	cs = mustDiff(t, mk("sad", "ok", "happy"), mk("happy", "sad"))
	if len(cs) != 1 {
		t.Fatalf("want one SwapTypes, got %s", kinds(cs))
	}
	re, ok := cs[0].(SwapTypes)
	if !ok || len(re.Uses) != 1 || re.Uses[0].Column.Name != "m" {
		t.Fatalf("want SwapTypes using t.m, got %#v", cs[0])
	}
}

func TestSerialToIdentityDropsSequenceBetween(t *testing.T) {
	seq := &model.Sequence{Name: n("t_id_seq"), SequenceOptions: model.DefaultSequenceOptions("integer", 1), OwnedBy: &model.ColumnRef{Table: n("t"), Column: "id"}}
	serial := cat(func(c *model.Catalog) {
		c.Tables = []*model.Table{table("t", &model.Column{Name: "id", Type: "integer", NotNull: true, Default: expr("nextval('public.t_id_seq'::regclass)")})}
		c.Sequences = []*model.Sequence{seq}
	})
	ident := cat(func(c *model.Catalog) {
		c.Tables = []*model.Table{table("t", &model.Column{Name: "id", Type: "integer", NotNull: true,
			Identity: &model.Identity{SequenceOptions: model.DefaultSequenceOptions("integer", 1)}})}
	})
	cs := mustDiff(t, serial, ident)
	if len(cs) != 1 {
		t.Fatalf("want one AlterColumn, got %s", kinds(cs))
	}
	ac := cs[0].(AlterColumn)
	if ac.DropSequence == nil || ac.DropSequence.Name != n("t_id_seq") {
		t.Errorf("AlterColumn should drop the serial sequence between DROP DEFAULT and ADD IDENTITY: %+v", ac)
	}
	back := mustDiff(t, ident, serial)
	ac, ok := back[0].(AlterColumn)
	if !ok || ac.CreateSequence == nil {
		t.Fatalf("identity to serial should create the sequence inside the column change: %s", kinds(back))
	}
	if !slices.ContainsFunc(back, func(c Change) bool { _, ok := c.(SetSequenceOwner); return ok }) {
		t.Errorf("the new sequence must be owned by the column: %s", kinds(back))
	}
}

func TestUnnamedConstraintAndIndexMatchedByDefinition(t *testing.T) {
	mk := func(check, index string) *model.Catalog {
		return cat(func(c *model.Catalog) {
			tb := table("t", col("a", "integer"))
			tb.Constraints = []*model.Constraint{{Name: check, Kind: model.Check, Expr: expr("a > 0")}}
			c.Tables = []*model.Table{tb}
			c.Indexes = []*model.Index{{Schema: "public", Name: index, Table: n("t"), Method: "btree", Keys: []model.IndexKey{{Column: "a"}}}}
		})
	}
	lines := kinds(mustDiff(t, mk("t_a_check", "t_a_idx"), mk("positive_a", "t_a_idx1")))
	want := []string{
		"diff.RenameConstraint renamed constraint 't_a_check' on 't' to 'positive_a'",
		"diff.RenameIndex renamed index 't_a_idx' to 't_a_idx1'",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestPartitionKeyChangeRecreatesTableAndPartitions(t *testing.T) {
	mk := func(key string) *model.Catalog {
		return cat(func(c *model.Catalog) {
			p := table("m", col("id", "integer"), col("at", "date"))
			p.PartitionBy = &model.PartitionKey{Strategy: "RANGE", Key: model.Expr{SQL: key, Canon: key}}
			part := &model.Table{Name: n("m_2024"), PartitionOf: &model.Name{Schema: "public", Name: "m"}, PartitionBound: "FOR VALUES FROM (1) TO (2)"}
			c.Tables = []*model.Table{p, part}
		})
	}
	lines := kinds(mustDiff(t, mk("(id)"), mk("(at)")))
	before(t, lines, "removed table 'm_2024'", "removed table 'm'")
	before(t, lines, "removed table 'm'", "added table 'm'")
	before(t, lines, "added table 'm'", "added table 'm_2024'")
}

func TestFunctionReplacedOrRecreated(t *testing.T) {
	fn := func(ret, body string) *model.Catalog {
		return cat(func(c *model.Catalog) {
			c.Functions = []*model.Function{{Name: n("f"), Returns: ret, Language: "sql", Body: model.Expr{SQL: body, Canon: body},
				Args: []model.FuncArg{{Mode: "IN", Name: "x", Type: "integer"}}}}
		})
	}
	cs := mustDiff(t, fn("integer", "select 1"), fn("integer", "select 2"))
	if len(cs) != 1 || !cs[0].(CreateFunction).Replace {
		t.Errorf("a body change should be CREATE OR REPLACE: %s", kinds(cs))
	}
	lines := kinds(mustDiff(t, fn("integer", "select 1"), fn("bigint", "select 1")))
	before(t, lines, "removed function", "added function")
}

func TestDiffIsDeterministic(t *testing.T) {
	from := cat(func(c *model.Catalog) {
		for i := range 20 {
			c.Tables = append(c.Tables, table(fmt.Sprintf("t%02d", i), col("a", "integer")))
		}
	})
	to := cat(func(c *model.Catalog) {
		for i := range 20 {
			tb := table(fmt.Sprintf("t%02d", i), col("a", "bigint"), col("b", "text"))
			c.Tables = append(c.Tables, tb)
			c.Indexes = append(c.Indexes, &model.Index{Schema: "public", Name: fmt.Sprintf("i%02d", i), Table: tb.Name, Method: "btree", Keys: []model.IndexKey{{Column: "b"}}})
		}
	})
	first := kinds(mustDiff(t, from, to))
	for range 5 {
		if again := kinds(mustDiff(t, from, to)); !slices.Equal(first, again) {
			t.Fatalf("two runs differ:\n%s\n---\n%s", strings.Join(first, "\n"), strings.Join(again, "\n"))
		}
	}
}

func TestRenameTableAndColumn(t *testing.T) {
	from := cat(func(c *model.Catalog) { c.Tables = []*model.Table{table("users", col("email", "text"))} })
	to := cat(func(c *model.Catalog) { c.Tables = []*model.Table{table("members", col("email_address", "text"))} })
	cs := mustDiff(t, from, to, withSQLRenamer, WithRenames(Renames{
		Tables:  map[model.Name]string{n("users"): "members"},
		Columns: map[model.Name]map[string]string{n("members"): {"email": "email_address"}},
	}))
	want := []string{
		"diff.RenameTable renamed table 'users' to 'members'",
		"diff.RenameColumn renamed column 'members.email' to 'email_address'",
	}
	if got := kinds(cs); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
