package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// indexes matches indexes by name, then unmatched ones on the same table by
// definition (a rename). An index whose build failed (INVALID) is rebuilt.
func (d *differ) indexes() {
	find := func(list []*model.Index, schema, name string) *model.Index {
		for _, ix := range list {
			if ix.Schema == schema && ix.Name == name {
				return ix
			}
		}
		return nil
	}
	onView := func(ix *model.Index) bool { return d.to.View(ix.Table) != nil }
	tableRecreated := func(n model.Name) bool { return d.recreated(model.ObjectID{Kind: model.KindTable, Name: n}) }
	var added, dropped []*model.Index
	for _, t := range d.to.Indexes {
		f := find(d.from.Indexes, t.Schema, t.Name)
		fresh := d.from.Table(t.Table) == nil || tableRecreated(t.Table)
		if fresh && d.to.Table(t.Table) != nil {
			// The name may still be held by an index of a table dropped
			// late: free it first.
			if f != nil && f.Table != t.Table && !tableRecreated(f.Table) && !d.viewGone(f.Table) {
				d.add(DropIndex{Index: f})
			}
			d.add(CreateIndex{Index: t, Fresh: true})
			continue
		}
		switch {
		case f == nil:
			added = append(added, t)
		case f.Table != t.Table || f.Invalid || !sameExcept(f, t, "Comment", "Invalid"):
			// The old index must go before the new one takes its name,
			// unless its table or view is dropped early anyway.
			if !tableRecreated(f.Table) && !d.viewGone(f.Table) {
				d.add(DropIndex{Index: f})
			}
			d.add(CreateIndex{Index: t, OnView: onView(t)})
		case onView(t) && d.viewGone(t.Table):
			d.add(CreateIndex{Index: t, OnView: true})
		}
	}
	for _, f := range d.from.Indexes {
		if find(d.to.Indexes, f.Schema, f.Name) != nil {
			continue
		}
		if d.from.Table(f.Table) != nil && d.gone(f.Table) || d.from.View(f.Table) != nil && d.viewGone(f.Table) {
			continue // goes with its table or view
		}
		dropped = append(dropped, f)
	}
	for _, t := range added {
		i := slices.IndexFunc(dropped, func(f *model.Index) bool {
			return f.Table == t.Table && !f.Invalid && sameExcept(f, t, "Name", "Comment", "Invalid")
		})
		if i >= 0 {
			d.add(RenameIndex{Index: t, From: dropped[i].Name, To: t.Name})
			dropped = slices.Delete(dropped, i, i+1)
			continue
		}
		d.add(CreateIndex{Index: t, OnView: onView(t)})
	}
	for _, f := range dropped {
		d.add(DropIndex{Index: f})
	}
}
