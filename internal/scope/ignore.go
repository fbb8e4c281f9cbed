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

// nameParts returns the parts patterns match an object's name against
// (see Filter.Object).
func nameParts(id model.ObjectID) []string {
	switch {
	case id.Kind == model.KindSchema || id.Kind == model.KindExtension:
		return []string{id.Name.Name}
	case id.Member != "":
		return []string{id.Name.Schema, id.Name.Name, id.Member}
	}
	return []string{id.Name.Schema, id.Name.Name}
}

// identity lists the fields that identify an object rather than describe
// it; they cannot be ignored.
var identity = map[string]bool{"name": true, "schema": true, "table": true, "procedure": true, "materialized": true,
	"columns": true, "constraints": true, "policies": true, "refs": true}

// kindTypes maps each kind to the model type that holds it; a kind
// missing here cannot be named in an ignore rule (TestKindTypes fails).
var kindTypes = map[model.Kind]reflect.Type{
	model.KindSchema: reflect.TypeOf(model.Schema{}), model.KindExtension: reflect.TypeOf(model.Extension{}),
	model.KindCollation: reflect.TypeOf(model.Collation{}), model.KindEnum: reflect.TypeOf(model.Enum{}),
	model.KindDomain: reflect.TypeOf(model.Domain{}), model.KindDomainCheck: reflect.TypeOf(model.DomainCheck{}),
	model.KindComposite: reflect.TypeOf(model.Composite{}), model.KindSequence: reflect.TypeOf(model.Sequence{}),
	model.KindFunction: reflect.TypeOf(model.Function{}), model.KindProcedure: reflect.TypeOf(model.Function{}),
	model.KindTable: reflect.TypeOf(model.Table{}), model.KindColumn: reflect.TypeOf(model.Column{}),
	model.KindConstraint: reflect.TypeOf(model.Constraint{}), model.KindIndex: reflect.TypeOf(model.Index{}),
	model.KindView: reflect.TypeOf(model.View{}), model.KindMatView: reflect.TypeOf(model.View{}),
	model.KindTrigger: reflect.TypeOf(model.Trigger{}), model.KindPolicy: reflect.TypeOf(model.Policy{}),
}

func init() {
	// The kinds held as statements share one type.
	for _, k := range model.Kinds() {
		if k.Info().Definition {
			kindTypes[k] = reflect.TypeOf(model.Definition{})
		}
	}
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
			for _, k := range model.Kinds() {
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
	cur := map[model.ObjectID]any{}
	current.EachObject(func(o model.Object) { cur[o.ID] = o.Value })
	desired.EachObject(func(o model.Object) {
		c, ok := cur[o.ID]
		if !ok {
			return
		}
		name := nameParts(o.ID)
		dv, cv := reflect.ValueOf(o.Value).Elem(), reflect.ValueOf(c).Elem()
		for _, r := range f.Ignore {
			ps, _ := patterns(r.Objects)
			if !slices.ContainsFunc(ps, func(p Pattern) bool { return p.Match(o.ID.Kind, name...) }) {
				continue
			}
			for _, a := range r.Attributes {
				if idx, ok := attribute(dv.Type(), a); ok {
					dv.FieldByIndex(idx).Set(cv.FieldByIndex(idx))
				}
			}
		}
	})
}
