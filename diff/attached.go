package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// attachedIndexes gives the partitions of the target the indexes it has
// attached to the indexes of their partitioned tables, under the target's
// names. PostgreSQL attaches or creates such an index itself when a
// partition is created or attached, or a partitioned index created on all
// partitions: it attaches a matching index the partition has, or creates
// one with a name of its choosing. Which one, and so the name, depends on
// the order things were created in, which a revision does not repeat. So
// when the name may differ, a NameAttachedIndex renames whatever index is
// attached by then. Where PostgreSQL does not act (a partitioned index
// created ONLY, see markOnly, or a partition that had no index attached to
// one that stays), an AttachIndex creates and attaches it explicitly.
func (d *differ) attachedIndexes() {
	d.keepStandalone()
	only := d.markOnly()
	for _, t := range d.partitionsByLevel() {
		if len(t.AttachedIndexes) == 0 {
			continue
		}
		kept := d.keptPartition(t)
		var was map[string]string
		if kept {
			was = map[string]string{}
			for _, a := range d.fg.table(t.Name).AttachedIndexes {
				was[a.Parent] = a.Name
			}
		}
		for _, a := range t.AttachedIndexes {
			parent := model.Name{Schema: t.PartitionOf.Schema, Name: a.Parent}
			if only[parent] && !d.attachedLater(t) {
				d.add(d.attachIndex(t, parent, a.Name, only))
				continue
			}
			name, ok := was[a.Parent]
			parentKept := d.parentIndexKept(*t.PartitionOf, parent)
			switch {
			case ok && parentKept:
				if name == a.Name {
					continue
				}
			case kept && parentKept:
				// The partition had no index attached to it: the
				// partitioned index was created ONLY, or without the
				// partition.
				d.add(d.attachIndex(t, parent, a.Name, only))
				continue
			case d.madeAsNamed(t, parent, a.Name):
				continue
			}
			d.add(NameAttachedIndex{Table: t.Name, Parent: parent, Name: a.Name})
		}
	}
}

// partitionsByLevel returns the partitions of the target, those of a
// partitioned table before theirs.
func (d *differ) partitionsByLevel() []*model.Table {
	var out []*model.Table
	var walk func(n model.Name)
	walk = func(n model.Name) {
		for _, t := range d.tg.partitions[n] {
			out = append(out, t)
			walk(t.Name)
		}
	}
	for _, t := range d.to.Tables {
		if t.PartitionBy != nil && t.PartitionOf == nil {
			walk(t.Name)
		}
	}
	return out
}

// level returns how deep a partition of the target is in its partition
// tree: 1 for a partition of a table that is not one itself.
func (d *differ) level(t *model.Table) int {
	n := 0
	for t != nil && t.PartitionOf != nil {
		n++
		t = d.tg.table(*t.PartitionOf)
	}
	return n
}

// keptPartition reports whether a partition of the target was a
// partition of the same table with the same bound before, and stays
// attached throughout.
func (d *differ) keptPartition(t *model.Table) bool {
	f := d.fg.table(t.Name)
	return f != nil && !d.recreated(t.ID()) && f.PartitionOf != nil && t.PartitionOf != nil &&
		*f.PartitionOf == *t.PartitionOf && f.PartitionBound == t.PartitionBound
}

// attachedLater reports whether a partition of the target becomes one by
// an AttachPartition of this migration, which runs after the indexes are
// created: PostgreSQL attaches or creates its indexes for all of its
// partitioned table's then.
func (d *differ) attachedLater(t *model.Table) bool {
	f := d.fg.table(t.Name)
	return f != nil && !d.recreated(t.ID()) && !d.keptPartition(t)
}

// markOnly marks the creations of partitioned indexes (plain ones, and
// those of primary key, unique and exclusion constraints) that the target
// leaves without an index attached for some partition that exists when
// they are created: they are created ONLY, and the partitions that have
// one get it by AttachIndex. It returns the indexes so created.
func (d *differ) markOnly() map[model.Name]bool {
	only := map[model.Name]bool{}
	for i, c := range d.out {
		if d.removed[i] {
			continue
		}
		switch c := c.(type) {
		case CreateIndex:
			if !c.OnView && d.partial(c.Index.Table, c.Index.Name) {
				c.Only = true
				d.out[i] = c
				only[c.Index.QualifiedName()] = true
			}
		case AddConstraint:
			k := c.Constraint.Kind
			if k.HasIndex() && d.partial(c.Table, c.Constraint.Name) {
				c.Only = true
				d.out[i] = c
				only[model.Name{Schema: c.Table.Schema, Name: c.Constraint.Name}] = true
			}
		}
	}
	return only
}

// partial reports whether the target leaves a partition of table p that
// exists when index x is created without an index attached to x, at any
// depth: an index created whole reaches the partitions of a partitioned
// partition too, so one whose own attached index leaves a partition of
// its without one is as partial.
func (d *differ) partial(p model.Name, x string) bool {
	for _, c := range d.tg.partitions[p] {
		if d.attachedLater(c) {
			continue
		}
		i := slices.IndexFunc(c.AttachedIndexes, func(a model.AttachedIndex) bool { return a.Parent == x })
		if i < 0 || c.PartitionBy != nil && d.partial(c.Name, c.AttachedIndexes[i].Name) {
			return true
		}
	}
	return false
}

// attachIndex returns the change that attaches the index name of
// partition t to partitioned index parent, creating it first as parent
// is defined unless the partition has it: a constraint of its own, or a
// plain index it had on its own before (whose drop it takes back). An
// index it creates on a partitioned partition is created ONLY, and joins
// only, for that partition's partitions to get theirs attached.
func (d *differ) attachIndex(t *model.Table, parent model.Name, name string, only map[model.Name]bool) AttachIndex {
	c := AttachIndex{Table: t.Name, Parent: parent, Name: name, Only: t.PartitionBy != nil, Level: d.level(t)}
	if t.Constraint(name) != nil {
		return c
	}
	if c.Only {
		only[model.Name{Schema: t.Name.Schema, Name: name}] = true
	}
	p, pc := d.tg.partitionedDef(*t.PartitionOf, parent.Name)
	switch {
	case p != nil:
		ix := *p
		ix.Schema, ix.Name, ix.Table, ix.Comment, ix.Invalid = t.Name.Schema, name, t.Name, "", false
		if d.reuseIndex(&ix) {
			return c
		}
		c.Index = &ix
	case pc != nil:
		con := *pc
		con.Name, con.Comment = name, ""
		c.Constraint = &con
	}
	return c
}

// partitionedDef returns the definition of index name of table: a plain
// index, or the constraint it implements. An index attached to another,
// which the catalog leaves implied, is defined as that one is.
func (g *graph) partitionedDef(table model.Name, name string) (*model.Index, *model.Constraint) {
	if ix := g.index(model.Name{Schema: table.Schema, Name: name}); ix != nil && ix.Table == table {
		return ix, nil
	}
	t := g.table(table)
	if t == nil {
		return nil, nil
	}
	if c := t.Constraint(name); c != nil {
		return nil, c
	}
	if t.PartitionOf != nil {
		for _, a := range t.AttachedIndexes {
			if a.Name == name {
				return g.partitionedDef(*t.PartitionOf, a.Parent)
			}
		}
	}
	return nil, nil
}

// reuseIndex takes back the drop of a plain index a partition had on its
// own, defined as ix and named as it, which the target has attached
// instead: it is attached as it is.
func (d *differ) reuseIndex(ix *model.Index) bool {
	for _, i := range d.memberDrops[ix.Table] {
		if dr, ok := d.out[i].(DropIndex); ok && !d.removed[i] && dr.Cause == "" && dr.Index.Table == ix.Table &&
			dr.Index.Name == ix.Name && !dr.Index.Invalid && sameExcept(dr.Index, ix, "Comment", "Invalid") {
			d.removed[i] = true
			delete(d.dropped, dr.Index.ID())
			return true
		}
	}
	return false
}

// lostAttachments recreates a partitioned index that a partition's index
// is attached to where the target does not keep that attachment: its
// partition has none, or another index, attached to it, or its own
// constraint attached to it goes. PostgreSQL cannot detach an index from
// a partitioned one, nor drop it while attached; dropping the partitioned
// index drops what is attached with it. The same holds for a partition
// this migration creates (CREATE TABLE ... PARTITION OF) whose own
// constraint the target has attached: PostgreSQL creates an index for the
// partitioned index first, so that index is created again once the
// partition and its constraint exist.
func (d *differ) lostAttachments() error {
	for _, f := range d.from.Tables {
		t := d.tg.table(f.Name)
		if f.PartitionOf == nil || t == nil || !d.keptPartition(t) {
			continue
		}
		for _, a := range f.AttachedIndexes {
			parent := model.Name{Schema: f.PartitionOf.Schema, Name: a.Parent}
			id, ok := d.keptParentIndex(*f.PartitionOf, parent)
			if !ok {
				continue
			}
			i := slices.IndexFunc(t.AttachedIndexes, func(b model.AttachedIndex) bool { return b.Parent == a.Parent })
			own := f.Constraint(a.Name) != nil
			var cause string
			switch {
			case i < 0:
				cause = "keeps an index of " + q(nm(f.Name)) + " attached, which the target has not"
			case own != (t.Constraint(t.AttachedIndexes[i].Name) != nil) || own && t.AttachedIndexes[i].Name != a.Name:
				cause = "keeps another index of " + q(nm(f.Name)) + " attached than the target has"
			case own && d.dropped[model.ConstraintID(f.Name, a.Name)]:
				cause = "keeps constraint " + q(a.Name) + " of " + q(nm(f.Name)) + " attached, which changes"
			default:
				continue
			}
			if err := d.recreate(id, cause); err != nil {
				return err
			}
		}
	}
	for _, t := range d.to.Tables {
		if t.PartitionOf == nil || d.fg.table(t.Name) != nil && !d.recreated(t.ID()) {
			continue
		}
		for _, a := range t.AttachedIndexes {
			if t.Constraint(a.Name) == nil {
				continue
			}
			if id, ok := d.keptParentIndex(*t.PartitionOf, model.Name{Schema: t.PartitionOf.Schema, Name: a.Parent}); ok {
				if err := d.recreate(id, "gets constraint "+q(a.Name)+" of new partition "+q(nm(t.Name))+" attached"); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// dropAttachedConstraints makes the drop of a partitioned index take the
// constraints of partitions attached to it along (DROP INDEX ... CASCADE):
// neither can be dropped alone. Their own drops go; a constraint the
// target keeps is added again.
func (d *differ) dropAttachedConstraints() {
	var drops []int
	for i, c := range d.out {
		if dr, ok := c.(DropIndex); ok && !d.removed[i] && len(d.fg.partitions[dr.Index.Table]) > 0 {
			drops = append(drops, i)
		}
	}
	for _, at := range drops {
		dr := d.out[at].(DropIndex)
		for _, p := range d.fg.partitions[dr.Index.Table] {
			for _, a := range p.AttachedIndexes {
				if a.Parent == dr.Index.Name && p.Constraint(a.Name) != nil {
					dr.Cascade = append(dr.Cascade, model.ConstraintID(p.Name, a.Name))
				}
			}
		}
		if len(dr.Cascade) == 0 {
			continue
		}
		d.out[at] = dr
		for _, id := range dr.Cascade {
			for _, i := range d.constraintDrops[id] {
				d.removed[i] = true
			}
			d.dropped[id] = true
			if tc, ok := d.tg.value(id).(*model.Constraint); ok && !d.created[id] && !d.gone(id.Name) {
				d.add(AddConstraint{Table: id.Name, Constraint: tc, Cause: "went with index " + q(dr.Index.Name) + ", which it was attached to"})
			}
		}
	}
}

// parentIndexKept reports whether the partitioned index (a plain index or
// the one behind a constraint of table) exists before and after and is not
// created again, so that what is attached to it stays.
func (d *differ) parentIndexKept(table, index model.Name) bool {
	_, ok := d.keptParentIndex(table, index)
	return ok
}

// keptParentIndex returns the object of a partitioned index kept as
// parentIndexKept says, if it is. The index of a partitioned partition
// attached to its parent's is implied: it is kept when the partition and
// the attachment are, and the index it is attached to; the object
// returned is then the index at the top, whose recreation recreates it.
func (d *differ) keptParentIndex(table, index model.Name) (model.ObjectID, bool) {
	for _, id := range []model.ObjectID{{Kind: model.KindIndex, Name: index}, model.ConstraintID(table, index.Name)} {
		if d.fg.has(id) && d.tg.has(id) && !d.created[id] && !d.dropped[id] {
			return id, true
		}
	}
	t := d.tg.table(table)
	if t == nil || t.PartitionOf == nil || !d.keptPartition(t) {
		return model.ObjectID{}, false
	}
	f := d.fg.table(table)
	for _, a := range t.AttachedIndexes {
		if a.Name == index.Name && slices.Contains(f.AttachedIndexes, a) {
			return d.keptParentIndex(*t.PartitionOf, model.Name{Schema: t.PartitionOf.Schema, Name: a.Parent})
		}
	}
	return model.ObjectID{}, false
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
	for _, g := range []*graph{d.fg, d.tg} {
		if def != nil {
			for _, ix := range g.indexesOf(t.Name) {
				// One dropped first or created last (keepStandalone) is
				// not there to be attached.
				if !d.dropped[ix.ID()] && !d.created[ix.ID()] &&
					sameExcept(ix, def, "Schema", "Name", "Table", "Comment", "Invalid") {
					return false
				}
			}
		}
		if ct := g.table(t.Name); ct != nil {
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
