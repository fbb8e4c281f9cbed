package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// dependentForeignKeys makes foreign keys follow the unique constraint or
// index they rely on: PostgreSQL refuses to drop a primary key, unique
// constraint or unique index while a foreign key references its columns. Such
// keys are dropped first and, when the target keeps them, added again after.
func (d *differ) dependentForeignKeys() {
	type dropped struct {
		table   model.Name
		columns []string
	}
	var gone []dropped
	retyped := map[model.Name][]string{}
	for _, c := range d.out {
		switch c := c.(type) {
		case AlterColumn:
			if c.From.Type != c.To.Type {
				retyped[c.Table] = append(retyped[c.Table], c.From.Name)
			}
		case DropConstraint:
			if c.Constraint.Kind == model.PrimaryKey || c.Constraint.Kind == model.Unique {
				gone = append(gone, dropped{c.Table, c.Constraint.Columns})
			}
		case DropIndex:
			if c.Index.Unique {
				var cols []string
				for _, k := range c.Index.Keys {
					cols = append(cols, k.Column)
				}
				gone = append(gone, dropped{c.Index.Table, cols})
			}
		}
	}
	if len(gone) == 0 && len(retyped) == 0 {
		return
	}
	touches := func(table model.Name, cols []string) bool {
		return slices.ContainsFunc(cols, func(c string) bool { return slices.Contains(retyped[table], c) })
	}
	handled := map[string]bool{}
	for _, c := range d.out {
		switch c := c.(type) {
		case DropConstraint:
			handled["drop:"+c.Table.String()+"."+c.Constraint.Name] = true
		case AddConstraint:
			handled["add:"+c.Table.String()+"."+c.Constraint.Name] = true
		}
	}
	for _, t := range d.from.Tables {
		if d.recreated[key("table", t.Name)] {
			continue // dropped early with its keys
		}
		for _, fk := range t.Constraints {
			if fk.Kind != model.ForeignKey || fk.References == nil {
				continue
			}
			ref := d.from.Table(*fk.References)
			refCols := fk.RefColumns
			if len(refCols) == 0 && ref != nil && ref.PrimaryKey() != nil {
				refCols = ref.PrimaryKey().Columns
			}
			// A key also follows its columns through a type change: the
			// two sides must match at every moment, and they change one
			// after the other.
			relies := slices.ContainsFunc(gone, func(g dropped) bool {
				return g.table == *fk.References && sameSet(g.columns, refCols)
			}) || touches(t.Name, fk.Columns) || touches(*fk.References, refCols)
			if !relies {
				continue
			}
			id := t.Name.String() + "." + fk.Name
			if !handled["drop:"+id] {
				d.add(DropConstraint{Table: t.Name, Constraint: fk})
				handled["drop:"+id] = true
			}
			if tt := d.to.Table(t.Name); tt != nil && !handled["add:"+id] {
				if tc := tt.Constraint(fk.Name); tc != nil {
					d.add(AddConstraint{Table: t.Name, Constraint: tc})
					handled["add:"+id] = true
				}
			}
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
