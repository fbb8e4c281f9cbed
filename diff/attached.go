package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// attachedIndexes names the indexes of partitions that are attached to an
// index of their partitioned table as the target has them. PostgreSQL
// makes such an index when a partition or a partitioned index is created,
// or a table attached: it attaches a matching index the partition has, or
// creates one with a name of its choosing. Which one, and so the name,
// depends on the order things were created in, which a revision does not
// repeat. So when the name may differ, a NameAttachedIndex renames
// whatever index is attached by then.
func (d *differ) attachedIndexes() {
	d.keepStandalone()
	for _, t := range d.to.Tables {
		if t.PartitionOf == nil || len(t.AttachedIndexes) == 0 {
			continue
		}
		var was map[string]string
		if f := d.fg.table(t.Name); f != nil && !d.recreated(t.ID()) && f.PartitionOf != nil &&
			*f.PartitionOf == *t.PartitionOf && f.PartitionBound == t.PartitionBound && !d.recreated(f.ID()) {
			was = map[string]string{}
			for _, a := range f.AttachedIndexes {
				was[a.Parent] = a.Name
			}
		}
		for _, a := range t.AttachedIndexes {
			parent := model.Name{Schema: t.PartitionOf.Schema, Name: a.Parent}
			name, ok := was[a.Parent]
			switch {
			case ok && d.parentIndexKept(*t.PartitionOf, parent):
				if name == a.Name {
					continue
				}
			case d.madeAsNamed(t, parent, a.Name):
				continue
			}
			d.add(NameAttachedIndex{Table: t.Name, Parent: parent, Name: a.Name})
		}
	}
}

// parentIndexKept reports whether the partitioned index (a plain index or
// the one behind a constraint of table) exists before and after and is not
// created again, so that what is attached to it stays.
func (d *differ) parentIndexKept(table, index model.Name) bool {
	for _, id := range []model.ObjectID{{Kind: model.KindIndex, Name: index}, model.ConstraintID(table, index.Name)} {
		if d.fg.has(id) && d.tg.has(id) && !d.created[id] && !d.dropped[id] {
			return true
		}
	}
	return false
}

// madeAsNamed reports whether the index PostgreSQL makes for partition t
// and partitioned index parent surely has the name the target gives it:
// the name PostgreSQL chooses when it creates one, and no index or
// constraint of the partition, before or after, that it could attach
// instead. An expression key's name takes a parser to know; then the
// answer is no.
func (d *differ) madeAsNamed(t *model.Table, parent model.Name, name string) bool {
	pt := d.tg.table(*t.PartitionOf)
	if pt == nil {
		return false
	}
	var keys, cols []string
	var label string
	var def *model.Index
	if ix := d.tg.index(parent); ix != nil && ix.Table == pt.Name {
		for _, k := range ix.Keys {
			if k.Column == "" {
				return false
			}
			keys = append(keys, k.Column)
		}
		cols, label, def = append(slices.Clone(keys), ix.Include...), "idx", ix
	} else if c := pt.Constraint(parent.Name); c != nil {
		switch c.Kind {
		case model.PrimaryKey:
			label = "pkey"
		case model.Unique:
			label = "key"
		default:
			return false
		}
		keys, cols = c.Columns, append(slices.Clone(c.Columns), c.Include...)
	} else {
		return false
	}
	if name != pgsql.MakeObjectName(t.Name.Name, pgsql.IndexNameAddition(label, cols), label) {
		return false
	}
	// What PostgreSQL could attach instead: an index like the parent's
	// (for a plain partitioned index), or an index behind a primary key
	// or unique constraint on the same columns.
	for _, cat := range []*model.Catalog{d.from, d.to} {
		if def != nil {
			for _, ix := range cat.Indexes {
				// One dropped first or created last (keepStandalone) is
				// not there to be attached.
				if ix.Table == t.Name && !d.dropped[ix.ID()] && !d.created[ix.ID()] &&
					sameExcept(ix, def, "Schema", "Name", "Table", "Comment", "Invalid") {
					return false
				}
			}
		}
		if ct := cat.Table(t.Name); ct != nil {
			for _, c := range ct.Constraints {
				if (c.Kind == model.PrimaryKey || c.Kind == model.Unique) && slices.Equal(c.Columns, keys) {
					return false
				}
			}
		}
	}
	return true
}

// shadowsPartitionedIndex reports whether ix, an index the target keeps
// on its own, is on a partition and defined as an index of the
// partitioned table is, which PostgreSQL would attach it to if it existed
// when that index is created or the partition attached.
func (d *differ) shadowsPartitionedIndex(ix *model.Index) bool {
	t := d.tg.table(ix.Table)
	if t == nil || t.PartitionOf == nil {
		return false
	}
	for _, p := range d.tg.indexes[*t.PartitionOf] {
		if sameExcept(ix, p, "Schema", "Name", "Table", "Comment", "Invalid") {
			return true
		}
	}
	return false
}

// keepStandalone rebuilds, after the partitions are attached and their
// partitioned indexes created, an index a partition keeps on its own that
// PostgreSQL would otherwise attach to one of those indexes in this
// migration: the partition is attached, or the partitioned index
// created, while the index exists, and PostgreSQL takes a matching index
// it finds rather than create one.
func (d *differ) keepStandalone() {
	for _, f := range d.from.Indexes {
		t := d.tg.index(f.QualifiedName())
		if t == nil || t.Table != f.Table || f.Invalid || !sameExcept(f, t, "Comment", "Invalid") ||
			d.dropped[f.ID()] || !d.shadowsPartitionedIndex(t) {
			continue
		}
		pt := d.tg.table(t.Table)
		ft := d.fg.table(f.Table)
		attaching := ft == nil || ft.PartitionOf == nil || *ft.PartitionOf != *pt.PartitionOf || d.recreated(pt.ID())
		created := false
		for _, p := range d.tg.indexes[*pt.PartitionOf] {
			if sameExcept(t, p, "Schema", "Name", "Table", "Comment", "Invalid") && d.created[p.ID()] {
				created = true
			}
		}
		if attaching || created {
			cause := "would otherwise be attached to an index of " + q(nm(*pt.PartitionOf))
			d.add(DropIndex{Index: f, Cause: cause}, CreateIndex{Index: t, Cause: cause})
		}
	}
}
