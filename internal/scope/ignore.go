package scope

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/model"
)

// IgnoreRule makes autogen leave chosen attributes of chosen objects as the
// database has them: a default the application sets, a comment another
// tool writes, the storage parameters a DBA tunes. It is Alembic's custom
// comparator, declared rather than coded.
//
// Attributes are the model's field names, in any case and with or without
// underscores ("default", "not_null", "comment", "options", "body"); each
// must belong to a kind the rule's objects name. An ignored attribute of an
// object present on both sides takes the database's value before the
// comparison, so it is never reported nor changed; an object that is only
// in schema.sql is created as written.
type IgnoreRule struct {
	// Objects are patterns (see [Pattern]), usually with a kind:
	// "column:public.*.updated_at".
	Objects []string `toml:"objects"`
	// Attributes are the attributes to leave alone.
	Attributes []string `toml:"attributes"`
}

// object is one object of a catalog, as ignore rules see it.
type object struct {
	kind Kind
	name []string
	// key tells overloaded functions apart.
	key string
	v   reflect.Value
}

// objects lists every object of a catalog that rules can name.
func objects(c *model.Catalog) []object {
	var out []object
	add := func(k Kind, v any, name ...string) {
		out = append(out, object{kind: k, name: name, key: string(k) + ":" + strings.Join(name, "\x00"), v: reflect.ValueOf(v).Elem()})
	}
	for _, s := range c.Schemas {
		add(KindSchema, s, s.Name)
	}
	for _, e := range c.Extensions {
		add(KindExtension, e, e.Name)
	}
	for _, x := range c.Collations {
		add(KindCollation, x, x.Name.Schema, x.Name.Name)
	}
	for _, x := range c.Enums {
		add(KindEnum, x, x.Name.Schema, x.Name.Name)
	}
	for _, x := range c.Domains {
		add(KindDomain, x, x.Name.Schema, x.Name.Name)
	}
	for _, x := range c.Composites {
		add(KindComposite, x, x.Name.Schema, x.Name.Name)
	}
	for _, x := range c.Sequences {
		add(KindSequence, x, x.Name.Schema, x.Name.Name)
	}
	for _, f := range c.Functions {
		k := KindFunction
		if f.Procedure {
			k = KindProcedure
		}
		out = append(out, object{kind: k, name: []string{f.Name.Schema, f.Name.Name}, key: string(k) + ":" + f.Signature(),
			v: reflect.ValueOf(f).Elem()})
	}
	for _, t := range c.Tables {
		s, n := t.Name.Schema, t.Name.Name
		add(KindTable, t, s, n)
		for _, col := range t.Columns {
			add(KindColumn, col, s, n, col.Name)
		}
		for _, con := range t.Constraints {
			add(KindConstraint, con, s, n, con.Name)
		}
		for _, p := range t.Policies {
			add(KindPolicy, p, s, n, p.Name)
		}
	}
	for _, v := range c.Views {
		k := KindView
		if v.Materialized {
			k = KindMaterializedView
		}
		add(k, v, v.Name.Schema, v.Name.Name)
	}
	for _, ix := range c.Indexes {
		add(KindIndex, ix, ix.Schema, ix.Name)
	}
	for _, tr := range c.Triggers {
		add(KindTrigger, tr, tr.Table.Schema, tr.Table.Name, tr.Name)
	}
	return out
}

// identity lists the fields that identify an object rather than describe
// it; they cannot be ignored.
var identity = map[string]bool{"name": true, "schema": true, "table": true, "procedure": true, "materialized": true,
	"columns": true, "constraints": true, "policies": true}

// kindTypes maps each kind to the model type that holds it.
var kindTypes = map[Kind]reflect.Type{
	KindSchema: reflect.TypeOf(model.Schema{}), KindExtension: reflect.TypeOf(model.Extension{}),
	KindCollation: reflect.TypeOf(model.Collation{}), KindEnum: reflect.TypeOf(model.Enum{}),
	KindDomain: reflect.TypeOf(model.Domain{}), KindComposite: reflect.TypeOf(model.Composite{}),
	KindSequence: reflect.TypeOf(model.Sequence{}), KindFunction: reflect.TypeOf(model.Function{}),
	KindProcedure: reflect.TypeOf(model.Function{}), KindTable: reflect.TypeOf(model.Table{}),
	KindView: reflect.TypeOf(model.View{}), KindMaterializedView: reflect.TypeOf(model.View{}),
	KindIndex: reflect.TypeOf(model.Index{}), KindColumn: reflect.TypeOf(model.Column{}),
	KindConstraint: reflect.TypeOf(model.Constraint{}), KindTrigger: reflect.TypeOf(model.Trigger{}),
	KindPolicy: reflect.TypeOf(model.Policy{}),
}

// fold spells a field or attribute name for comparison.
func fold(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

// attribute finds the field an attribute names in a model type; the
// fields of an embedded struct (a sequence's options) count as its own.
func attribute(t reflect.Type, attr string) ([]int, bool) {
	want := fold(attr)
	if identity[want] {
		return nil, false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			if idx, ok := attribute(f.Type, attr); ok {
				return append([]int{i}, idx...), true
			}
			continue
		}
		if fold(f.Name) == want {
			return []int{i}, true
		}
	}
	return nil, false
}

// attributes lists what can be ignored for a kind, for error messages.
func attributes(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, attributes(f.Type)...)
			continue
		}
		if !identity[fold(f.Name)] {
			out = append(out, snake(f.Name))
		}
	}
	return out
}

// snake spells a field name as configuration does: NotNull is not_null.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 && !(s[i-1] >= 'A' && s[i-1] <= 'Z') {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// validate checks a rule's patterns, and that each attribute belongs to a
// kind the patterns name.
func (r IgnoreRule) validate() error {
	ps, err := patterns(r.Objects)
	if err != nil {
		return err
	}
	if len(ps) == 0 || len(r.Attributes) == 0 {
		return fmt.Errorf("scope: an ignore rule needs objects and attributes")
	}
	for _, a := range r.Attributes {
		found := false
		var known []string
		for _, p := range ps {
			for _, k := range Kinds {
				if !p.AppliesTo(k) {
					continue
				}
				if _, ok := attribute(kindTypes[k], a); ok {
					found = true
				}
				known = append(known, attributes(kindTypes[k])...)
			}
		}
		if !found {
			slices.Sort(known)
			return fmt.Errorf("scope: ignore rule for %s: no such attribute %q (known: %s)",
				strings.Join(r.Objects, ", "), a, strings.Join(slices.Compact(known), ", "))
		}
	}
	return nil
}

// ApplyIgnores gives every ignored attribute of an object present in both
// catalogs the current (database) value, so that the comparison that
// follows neither reports nor changes it. The rules must be valid
// ([Filter.Validate]).
func (f *Filter) ApplyIgnores(current, desired *model.Catalog) {
	if f == nil || len(f.Ignore) == 0 {
		return
	}
	cur := map[string]object{}
	for _, o := range objects(current) {
		cur[o.key] = o
	}
	for _, o := range objects(desired) {
		c, ok := cur[o.key]
		if !ok {
			continue
		}
		for _, r := range f.Ignore {
			ps, _ := patterns(r.Objects)
			if !slices.ContainsFunc(ps, func(p Pattern) bool { return p.Match(o.kind, o.name...) }) {
				continue
			}
			for _, a := range r.Attributes {
				if idx, ok := attribute(o.v.Type(), a); ok {
					o.v.FieldByIndex(idx).Set(c.v.FieldByIndex(idx))
				}
			}
		}
	}
}
