package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// indexes matches indexes by name, then unmatched ones on the same table by
// definition (a rename). An index whose build failed (INVALID) is rebuilt.
func (d *differ) indexes() {
	onView := func(ix *model.Index) bool { return d.tg.view(ix.Table) != nil }
	tableRecreated := func(n model.Name) bool { return d.recreated(model.ObjectID{Kind: model.KindTable, Name: n}) }
	detached := d.detachedIndexes()
	var added, dropped []*model.Index
	for _, t := range d.to.Indexes {
		f := d.fg.index(t.QualifiedName())
		if f == nil {
			f = detached[t.QualifiedName()]
			delete(detached, t.QualifiedName())
		}
		fresh := d.fg.table(t.Table) == nil || tableRecreated(t.Table)
		if fresh && d.tg.table(t.Table) != nil {
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
		case f.Table == t.Table && !d.failedBuild(f) && sameDefinition(f, t) && !sameExcept(f, t, "Comment", "Invalid"):
			d.add(SetIndexStatistics{From: f, To: t})
		case f.Table != t.Table || d.failedBuild(f) || !sameExcept(f, t, "Comment", "Invalid"):
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
	from := d.from.Indexes
	for _, f := range detached {
		from = append(from, f)
	}
	slices.SortFunc(from[len(d.from.Indexes):], func(a, b *model.Index) int { return a.QualifiedName().Compare(b.QualifiedName()) })
	for _, f := range from {
		if d.tg.index(f.QualifiedName()) != nil {
			continue
		}
		if d.fg.table(f.Table) != nil && d.gone(f.Table) || d.fg.view(f.Table) != nil && d.viewGone(f.Table) {
			continue // goes with its table or view
		}
		dropped = append(dropped, f)
	}
	for _, t := range added {
		i := slices.IndexFunc(dropped, func(f *model.Index) bool {
			return f.Table == t.Table && !d.failedBuild(f) && sameExcept(f, t, "Name", "Comment", "Invalid")
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

// failedBuild reports whether an index of the current catalog is invalid
// because its build failed, which a rebuild mends. A partitioned table's
// index is invalid instead while some partition has no index attached to
// it, which the partitions' attachments describe and attachedIndexes
// mends.
func (d *differ) failedBuild(ix *model.Index) bool {
	if !ix.Invalid {
		return false
	}
	t := d.fg.table(ix.Table)
	return t == nil || t.PartitionBy == nil
}

// detachedIndexes returns the indexes of partitions that this migration
// detaches, by name, which were attached to a (plain) index of their
// partitioned table: PostgreSQL keeps them, under their names, as indexes
// of the table, to keep or drop like any other.
func (d *differ) detachedIndexes() map[model.Name]*model.Index {
	out := map[model.Name]*model.Index{}
	for _, f := range d.from.Tables {
		t := d.tg.table(f.Name)
		if f.PartitionOf == nil || t == nil || t.PartitionOf != nil || d.recreated(t.ID()) {
			continue
		}
		for _, a := range f.AttachedIndexes {
			p := d.fg.index(model.Name{Schema: f.PartitionOf.Schema, Name: a.Parent})
			if p == nil {
				continue // one behind a constraint
			}
			ix := *p
			ix.Schema, ix.Table, ix.Name, ix.Comment = f.Name.Schema, f.Name, a.Name, ""
			out[ix.QualifiedName()] = &ix
		}
	}
	return out
}

// sameDefinition reports whether two indexes are built alike: equal but
// for their comments and their keys' statistics targets, which ALTER
// INDEX changes in place.
func sameDefinition(f, t *model.Index) bool {
	bare := func(ix *model.Index) *model.Index {
		c := *ix
		c.Keys = slices.Clone(ix.Keys)
		for i := range c.Keys {
			c.Keys[i].Statistics = nil
		}
		return &c
	}
	return sameExcept(bare(f), bare(t), "Comment", "Invalid")
}
