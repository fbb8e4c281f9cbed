package diff

import (
	"fmt"
	"slices"
	"strings"

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
	var c SwapTypes
	for _, id := range ids {
		c.Types = append(c.Types, TypeSwap{ID: id, From: d.fg.value(id), To: d.tg.value(id)})
	}
	for _, t := range d.from.Tables {
		for _, col := range t.Columns {
			refs := model.TypeRefs(col.Type)
			if len(refs) != 1 || !group[d.typeID(refs[0].Name)] {
				continue
			}
			use := TypeUse{Table: t.Name, Column: col}
			tt := d.tg.table(t.Name)
			if tt == nil || tt.Column(col.Name) == nil || tt.Column(col.Name).Type != col.Type {
				continue // dropped or given another type: the comparison does that
			}
			if key := d.keyHolding(t, col.Name); key != nil && !d.downgrade {
				return fmt.Errorf("diff: cannot change the values of type %s as planned: column %s of %s is in the partition key of %s, and PostgreSQL cannot convert a partition key column to the recreated type; add values rather than remove or reorder them, or recreate the table in revisions of its own",
					strings.Join(swapNames(c.Types), ", "), col.Name, t.Name, key.Name)
			}
			use.NewDefault = tt.Column(col.Name).Default
			c.Uses = append(c.Uses, use)
			// The swap sets the column's new default itself.
			d.swapDefaults[model.ColumnID(t.Name, col.Name)] = true
		}
	}
	d.add(c)
	return nil
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

// swapNames lists the qualified names of the swapped types.
func swapNames(ts []TypeSwap) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID.Name.String())
	}
	return out
}

// typeID returns the ID of the type with the given name in the current
// catalog.
func (d *differ) typeID(n model.Name) model.ObjectID {
	if id, ok := d.fg.types[n]; ok {
		return d.fg.id(id)
	}
	return model.ObjectID{}
}
