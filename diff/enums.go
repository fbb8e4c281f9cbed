package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

func (d *differ) enums() {
	for _, t := range d.to.Enums {
		f := d.from.Enum(t.Name)
		switch {
		case f == nil:
			d.add(CreateEnum{Enum: t})
		case slices.Equal(f.Values, t.Values):
		case isSubsequence(f.Values, t.Values):
			for i, v := range t.Values {
				if slices.Contains(f.Values, v) {
					continue
				}
				c := AddEnumValue{Enum: t.Name, Value: v}
				switch {
				case i > 0:
					c.After = t.Values[i-1]
				case len(t.Values) > 1:
					c.Before = t.Values[1]
				}
				d.add(c)
			}
		default:
			uses := d.enumUses(f.Name)
			d.add(RecreateEnum{From: f, To: t, Uses: uses})
			for _, u := range uses {
				// The swap sets the column's new default itself.
				d.enumDefaults[u.Table.String()+"."+u.Column.Name] = true
			}
		}
	}
	for _, f := range d.from.Enums {
		if d.to.Enum(f.Name) == nil {
			d.add(DropEnum{Enum: f})
		}
	}
}

// isSubsequence reports whether a appears in b in the same order.
func isSubsequence(a, b []string) bool {
	i := 0
	for _, v := range b {
		if i < len(a) && a[i] == v {
			i++
		}
	}
	return i == len(a)
}

// enumUses finds the existing columns typed with the enum (or an array of
// it), from the dependency graph, with their defaults in the target schema.
func (d *differ) enumUses(n model.Name) []EnumUse {
	var out []EnumUse
	for _, u := range d.fg.users[model.ObjectID{Kind: model.KindEnum, Name: n}] {
		if u.Kind != model.KindColumn {
			continue
		}
		c := d.fg.objs[u].Value.(*model.Column)
		if !slices.ContainsFunc(model.TypeRefs(c.Type), func(r model.Ref) bool { return r.Name == n }) {
			continue // the column's default names the type, not its type
		}
		use := EnumUse{Table: u.Name, Column: c}
		if tt := d.to.Table(u.Name); tt != nil {
			if tc := tt.Column(c.Name); tc != nil {
				use.NewDefault = tc.Default
			}
		}
		out = append(out, use)
	}
	return out
}
