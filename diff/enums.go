package diff

import (
	"slices"
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
			d.swapType(f.ID(), f, t)
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
