package diff

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// Renames lists confirmed renames, by the names the objects have in the
// current (from) schema. Diff emits a RENAME for each instead of a drop and
// an add, so the data stays.
type Renames struct {
	// Tables maps a table to its new name (in the same schema).
	Tables map[model.Name]string
	// Columns maps a table (by its new name) to its column renames, from
	// the old column name to the new one.
	Columns map[model.Name]map[string]string
	// Indexes maps an index (its schema and old name) to its new name.
	Indexes map[model.Name]string
	// Constraints maps a table (by its new name) to its constraint
	// renames, from the old constraint name to the new one.
	Constraints map[model.Name]map[string]string
	// Enums maps an enum type to its new name (in the same schema).
	Enums map[model.Name]string
	// EnumValues maps an enum type (by its new name) to its value renames,
	// from the old value to the new one.
	EnumValues map[model.Name]map[string]string
}

// Empty reports whether no rename is listed.
func (r Renames) Empty() bool {
	n := len(r.Tables) + len(r.Indexes) + len(r.Enums)
	for _, m := range []map[model.Name]map[string]string{r.Columns, r.Constraints, r.EnumValues} {
		for _, inner := range m {
			n += len(inner)
		}
	}
	return n == 0
}

// ExprRenamer rewrites the expressions of a catalog that still holds the
// old names so that they read as after the renames (see
// sqlnorm.RenameCatalogExprs, which parses each expression and renames in
// the parse tree). Diff has no parser of its own; without an ExprRenamer
// it renames only the expressions' references, and an expression that
// names a renamed object then differs from the target's, so its object is
// recreated: correct, just less tidy.
type ExprRenamer func(cat *model.Catalog, r *model.Renaming) error

// WithExprRenamer sets how expressions are rewritten after renames.
func WithExprRenamer(f ExprRenamer) Option { return func(d *differ) { d.exprRenamer = f } }

// applyRenames returns the confirmed renames as changes and rewrites a
// copy of the current catalog as if they had happened: the renamed objects
// and every reference to them (column types, foreign keys, index keys,
// sequence owners, expressions) take the new names, structurally, so the
// rest of the comparison sees matching objects. A serial sequence named
// after a renamed table or column follows it when the target schema names
// it after the new one. The caller's catalog is not modified.
func (d *differ) applyRenames() ([]Change, error) {
	if d.renames.Empty() {
		return nil, nil
	}
	ren, changes, err := d.planRenames()
	if err != nil {
		return nil, err
	}
	if err := d.definitionsUnderRenames(ren); err != nil {
		return nil, err
	}
	from := d.from.Clone()
	exprsDone := false
	if d.exprRenamer != nil {
		if err := d.exprRenamer(from, ren); err != nil {
			return nil, fmt.Errorf("diff: %w", err)
		}
		exprsDone = true
	}
	from.Rename(ren, exprsDone)
	from.Sort()
	d.from = from
	return changes, nil
}

// planRenames checks the renames against both catalogs and returns them
// keyed by the old names, with the changes that perform them.
func (d *differ) planRenames() (*model.Renaming, []Change, error) {
	r := d.renames
	ren := &model.Renaming{Tables: map[model.Name]string{}, Columns: map[model.Name]map[string]string{},
		Types: map[model.Name]string{}, EnumValues: map[model.Name]map[string]string{},
		Sequences: map[model.Name]model.Name{}, Constraints: map[model.Name]map[string]string{}, Indexes: map[model.Name]string{}}
	var out []Change
	from, to := d.from, d.to
	// oldTable returns the current name of a table given by its new name.
	oldTable := func(n model.Name) model.Name {
		for old, nn := range r.Tables {
			if old.Schema == n.Schema && nn == n.Name {
				return old
			}
		}
		return n
	}
	for _, old := range sortedKeys(r.Enums) {
		nn := model.Name{Schema: old.Schema, Name: r.Enums[old]}
		switch {
		case from.Enum(old) == nil:
			return nil, nil, fmt.Errorf("diff: rename of enum %s: no such enum in the current schema", old)
		case to.Enum(nn) == nil:
			return nil, nil, fmt.Errorf("diff: rename of enum %s to %s: no such enum in the target schema", old, nn.Name)
		case from.Enum(nn) != nil:
			return nil, nil, fmt.Errorf("diff: rename of enum %s to %s: the current schema has an enum of that name", old, nn.Name)
		}
		out = append(out, RenameEnum{From: old, To: nn})
		ren.Types[old] = nn.Name
	}
	for _, enum := range sortedKeys(r.EnumValues) {
		oldEnum := enum
		for old, nn := range r.Enums {
			if old.Schema == enum.Schema && nn == enum.Name {
				oldEnum = old
			}
		}
		e, te := from.Enum(oldEnum), to.Enum(enum)
		if e == nil || te == nil {
			return nil, nil, fmt.Errorf("diff: rename of values of enum %s: no such enum in both schemas", enum)
		}
		vals := r.EnumValues[enum]
		for _, old := range sortedKeys(vals) {
			nv := vals[old]
			switch {
			case !slices.Contains(e.Values, old):
				return nil, nil, fmt.Errorf("diff: rename of value %q of enum %s: no such value", old, enum)
			case !slices.Contains(te.Values, nv):
				return nil, nil, fmt.Errorf("diff: rename of value %q of enum %s to %q: the target enum has no such value", old, enum, nv)
			case slices.Contains(e.Values, nv):
				return nil, nil, fmt.Errorf("diff: rename of value %q of enum %s to %q: the enum has that value already", old, enum, nv)
			}
			out = append(out, RenameEnumValue{Enum: enum, From: old, To: nv})
			if ren.EnumValues[oldEnum] == nil {
				ren.EnumValues[oldEnum] = map[string]string{}
			}
			ren.EnumValues[oldEnum][old] = nv
		}
	}
	for _, old := range sortedKeys(r.Tables) {
		nn := model.Name{Schema: old.Schema, Name: r.Tables[old]}
		switch {
		case from.Table(old) == nil:
			return nil, nil, fmt.Errorf("diff: rename of table %s: no such table in the current schema", old)
		case to.Table(nn) == nil:
			return nil, nil, fmt.Errorf("diff: rename of table %s to %s: no such table in the target schema", old, nn.Name)
		case from.Table(nn) != nil:
			return nil, nil, fmt.Errorf("diff: rename of table %s to %s: the current schema has a table of that name", old, nn.Name)
		}
		out = append(out, RenameTable{From: old, To: nn})
		ren.Tables[old] = nn.Name
	}
	for _, table := range sortedKeys(r.Columns) {
		t, tt := from.Table(oldTable(table)), to.Table(table)
		if t == nil || tt == nil {
			return nil, nil, fmt.Errorf("diff: rename of columns of %s: no such table in both schemas", table)
		}
		cols := r.Columns[table]
		for _, old := range sortedKeys(cols) {
			nc := cols[old]
			switch {
			case t.Column(old) == nil:
				return nil, nil, fmt.Errorf("diff: rename of column %s.%s: no such column", table, old)
			case tt.Column(nc) == nil:
				return nil, nil, fmt.Errorf("diff: rename of column %s.%s to %s: no such column in the target schema", table, old, nc)
			case t.Column(nc) != nil:
				return nil, nil, fmt.Errorf("diff: rename of column %s.%s to %s: the table has a column of that name", table, old, nc)
			}
			out = append(out, RenameColumn{Table: table, From: old, To: nc})
			if ren.Columns[t.Name] == nil {
				ren.Columns[t.Name] = map[string]string{}
			}
			ren.Columns[t.Name][old] = nc
		}
	}
	out = append(out, d.followSequences(ren)...)
	for _, table := range sortedKeys(r.Constraints) {
		t, tt := from.Table(oldTable(table)), to.Table(table)
		if t == nil || tt == nil {
			return nil, nil, fmt.Errorf("diff: rename of constraints of %s: no such table in both schemas", table)
		}
		cons := r.Constraints[table]
		for _, old := range sortedKeys(cons) {
			nc := cons[old]
			switch {
			case t.Constraint(old) == nil:
				return nil, nil, fmt.Errorf("diff: rename of constraint %s on %s: no such constraint", old, table)
			case tt.Constraint(nc) == nil:
				return nil, nil, fmt.Errorf("diff: rename of constraint %s on %s to %s: no such constraint in the target schema", old, table, nc)
			case t.Constraint(nc) != nil:
				return nil, nil, fmt.Errorf("diff: rename of constraint %s on %s to %s: the table has a constraint of that name", old, table, nc)
			}
			out = append(out, RenameConstraint{Table: table, From: old, To: nc})
			if ren.Constraints[t.Name] == nil {
				ren.Constraints[t.Name] = map[string]string{}
			}
			ren.Constraints[t.Name][old] = nc
		}
	}
	for _, old := range sortedKeys(r.Indexes) {
		nn := r.Indexes[old]
		ix, ti := findIndex(from, old), findIndex(to, model.Name{Schema: old.Schema, Name: nn})
		switch {
		case ix == nil:
			return nil, nil, fmt.Errorf("diff: rename of index %s: no such index in the current schema", old)
		case ti == nil:
			return nil, nil, fmt.Errorf("diff: rename of index %s to %s: no such index in the target schema", old, nn)
		case findIndex(from, ti.QualifiedName()) != nil:
			return nil, nil, fmt.Errorf("diff: rename of index %s to %s: the current schema has an index of that name", old, nn)
		}
		out = append(out, RenameIndex{Index: ti, From: old.Name, To: nn})
		ren.Indexes[old] = nn
	}
	return ren, out, nil
}

// followSequences renames the sequences owned by renamed tables and
// columns when the target schema has no sequence of the old name but one of
// a new name owned by the same column, as a serial column's sequence
// (users_id_seq becoming members_id_seq). Dropping and creating it instead
// would restart the column's numbering and collide with existing keys.
func (d *differ) followSequences(ren *model.Renaming) []Change {
	var out []Change
	for _, s := range d.from.Sequences {
		o := s.OwnedBy
		if o == nil || d.to.Sequence(s.Name) != nil {
			continue
		}
		owner := model.ColumnRef{Table: ren.Table(o.Table), Column: ren.Column(o.Table, o.Column)}
		if owner == *o {
			continue
		}
		for _, ts := range d.to.Sequences {
			if ts.OwnedBy == nil || *ts.OwnedBy != owner || ts.Name.Schema != s.Name.Schema || d.from.Sequence(ts.Name) != nil {
				continue
			}
			out = append(out, RenameSequence{From: s.Name, To: ts.Name})
			ren.Sequences[s.Name] = ts.Name
			break
		}
	}
	return out
}

func findIndex(c *model.Catalog, n model.Name) *model.Index {
	for _, ix := range c.Indexes {
		if ix.Schema == n.Schema && ix.Name == n.Name {
			return ix
		}
	}
	return nil
}

// sortedKeys returns a map's keys in a fixed order, so that renames are
// emitted deterministically.
func sortedKeys[K interface{ model.Name | string }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return keys
}
