package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// swapType records that a type must be swapped (see SwapTypes); the swap
// is emitted by swapTypes once every kind of type has been compared.
func (d *differ) swapType(id model.ObjectID, from, to any) {
	if d.swaps == nil {
		d.swaps = map[model.ObjectID][2]any{}
	}
	d.swaps[id] = [2]any{from, to}
}

// inUse reports whether columns or other types use a type, so that it
// cannot simply be dropped and created again.
func (d *differ) inUse(id model.ObjectID) bool {
	for _, u := range d.fg.usersOf(id) {
		switch d.fg.id(u).Kind {
		case model.KindColumn, model.KindDomain, model.KindComposite:
			return true
		}
	}
	return false
}

// unswappable reports whether a type cannot be dropped and created again
// because columns or other types use it, and autogen does not swap its
// kind under them (it swaps enums, domains and composite types): a range
// or base type. Its drop would fail when the revision runs.
func (d *differ) unswappable(id model.ObjectID) bool {
	return (id.Kind == model.KindRange || id.Kind == model.KindBaseType) && d.inUse(id)
}

// swapTypes emits one SwapTypes for the types that must be swapped, with
// the domains and composite types built on them (which must be rebuilt
// over the new types) and every column of any of them.
func (d *differ) swapTypes() error {
	if len(d.swaps) == 0 {
		return nil
	}
	group := map[model.ObjectID]bool{}
	queue := sortedIDs(func() map[model.ObjectID]bool {
		m := map[model.ObjectID]bool{}
		for id := range d.swaps {
			m[id] = true
		}
		return m
	}())
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if group[id] {
			continue
		}
		group[id] = true
		for _, n := range d.fg.usersOf(id) {
			if u := d.fg.id(n); (u.Kind == model.KindDomain || u.Kind == model.KindComposite) && d.tg.has(u) && !d.dropped[u] {
				queue = append(queue, u)
			}
		}
	}
	// Bases before what is built on them.
	var ids []model.ObjectID
	placed := map[model.ObjectID]bool{}
	for rest := sortedIDs(group); len(rest) > 0; {
		progress := false
		for i := 0; i < len(rest); i++ {
			id := rest[i]
			ready := true
			for _, n := range d.fg.depsOf(id) {
				if dep := d.fg.id(n); group[dep] && !placed[dep] && dep != id {
					ready = false
				}
			}
			if ready {
				ids = append(ids, id)
				placed[id] = true
				rest = slices.Delete(rest, i, i+1)
				i--
				progress = true
			}
		}
		if !progress { // a cycle, which types cannot form
			ids = append(ids, rest...)
			break
		}
	}
	d.swapped = group
	// What the comparison did to these types in place gives way to the
	// swap.
	for i, c := range d.out {
		switch c := c.(type) {
		case AlterComposite:
			d.removed[i] = d.removed[i] || group[c.To.ID()]
		case AlterDomain:
			d.removed[i] = d.removed[i] || group[c.To.ID()]
		}
	}
	c := &SwapTypes{}
	for _, id := range ids {
		c.Types = append(c.Types, TypeSwap{ID: id, From: d.fg.value(id), To: d.tg.value(id)})
	}
	// The columns converted: those that stay with their type.
	for _, t := range d.from.Tables {
		for _, col := range t.Columns {
			if !d.swappedColumn(col) {
				continue
			}
			tt := d.tg.table(t.Name)
			if tt == nil || tt.Column(col.Name) == nil || tt.Column(col.Name).Type != col.Type {
				continue // dropped or given another type: the comparison does that
			}
			if d.keyHolding(t, col.Name) != nil {
				// PostgreSQL cannot convert a partition key's column: the
				// tree is created anew after the swap, its rows set aside
				// with their values as text and routed back converted
				// (see rowsToRoute), the tree's other columns with them.
				if d.keySwapped == nil {
					d.keySwapped = map[model.Name]bool{}
				}
				d.keySwapped[d.fg.root(t).Name] = true
				continue
			}
			c.Uses = append(c.Uses, TypeUse{Table: t.Name, Column: col, NewDefault: tt.Column(col.Name).Default})
		}
	}
	d.swap = c
	return nil
}

// addSwap adds the swap swapTypes prepared, once the tables dropped and
// created again are known (recreatedTables, which needs keySwapped from
// swapTypes): their columns are left out, since the swap runs after the
// drop and the new table has the new type. Their rows, if kept, are kept
// with those columns as text (see swapRetype).
func (d *differ) addSwap(recreated map[model.Name]bool) {
	if d.swap == nil {
		return
	}
	c := *d.swap
	c.Uses = slices.DeleteFunc(slices.Clone(c.Uses), func(u TypeUse) bool { return recreated[u.Table] })
	for _, use := range c.Uses {
		// The swap sets the column's new default itself.
		d.swapDefaults[model.ColumnID(use.Table, use.Column.Name)] = true
	}
	d.add(c)
}

// swapRetype returns the conversions of a table's rows kept across its
// re-creation: retype (see copiedColumns), with each copied column of a
// swapped type read from its text form, as it was set aside (see
// swappedText), into its new type.
func (d *differ) swapRetype(had, want []*model.Column, copied []string, retype map[string][2]string) map[string][2]string {
	for _, c := range had {
		if !d.swappedColumn(c) || !slices.Contains(copied, c.Name) {
			continue
		}
		if tc := model.ColumnNamed(want, c.Name); tc != nil {
			if retype == nil {
				retype = map[string][2]string{}
			}
			retype[c.Name] = [2]string{pgsql.TextForm(c.Type), tc.Type}
		}
	}
	return retype
}

// swappedText returns the columns of a table whose rows are set aside
// that are kept as their text form, since their type is swapped in the
// same revision: a copy of the old type would keep it from being dropped.
// With them it returns every column, which the copy then lists.
func (d *differ) swappedText(t *model.Table) (text []*model.Column, columns []string) {
	for _, c := range d.fg.rowColumns(t) {
		columns = append(columns, c.Name)
		if d.swappedColumn(c) {
			text = append(text, c)
		}
	}
	if len(text) == 0 {
		return nil, nil
	}
	return text, columns
}

// swappedColumn reports whether a column's type (or its element type) is
// swapped.
func (d *differ) swappedColumn(c *model.Column) bool {
	refs := model.TypeRefs(c.Type)
	return len(refs) == 1 && d.swapped[d.typeID(refs[0].Name)]
}

// keyHolding returns the table of t's partition tree, t or a partition at
// any depth below it, whose partition key names column col, or nil.
func (d *differ) keyHolding(t *model.Table, col string) *model.Table {
	for _, x := range append([]*model.Table{t}, d.fg.partitionsOf(t.Name)...) {
		if slices.Contains(keyColumns(x), col) {
			return x
		}
	}
	return nil
}

// typeID returns the ID of the type with the given name in the current
// catalog.
func (d *differ) typeID(n model.Name) model.ObjectID {
	if id, ok := d.fg.types[n]; ok {
		return d.fg.id(id)
	}
	return model.ObjectID{}
}
