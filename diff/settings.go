package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// PostgreSQL keeps a column's storage, compression method, statistics
// target and attribute options per table: a partition or inheritance
// child has its own, which may differ from its parent's. How they move
// is uneven, and the functions here follow it:
//   - CREATE TABLE ... PARTITION OF or INHERITS gives a child its
//     parent's storage and compression method, but no target or options;
//   - ALTER COLUMN without ONLY passes the target and storage down to the
//     children, but not the method or options; ADD COLUMN passes all but
//     the options;
//   - ATTACH PARTITION and INHERIT leave the child's as they are.
//
// A column whose settings differ from its parent's stays listed in the
// child's model with the child's (see sqlnorm.Finalize), so each side has
// every table's settings. Autogen changes an ancestor's column without
// ONLY, as anyone would, and gives a child what it keeps apart with ONLY
// (AlterColumn.Only), after the ancestor's change (AfterParent).

// parentsOf returns the tables a table takes columns from: its
// partitioned table, then its inheritance parents.
func (g *graph) parentsOf(t *model.Table) []*model.Table {
	var out []*model.Table
	if p := g.parentTable(t); p != nil {
		out = append(out, p)
	}
	for _, n := range t.Inherits {
		if p := g.table(n); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// columnOf returns the named column as a table has it: its own listing,
// or its first parent's that has the column, or nil.
func (g *graph) columnOf(t *model.Table, name string) *model.Column {
	if c := t.Column(name); c != nil {
		return c
	}
	for _, p := range g.parentsOf(t) {
		if c := g.columnOf(p, name); c != nil {
			return c
		}
	}
	return nil
}

// columnRoot returns the table at the top of the chain that passes a
// column down to t: the ancestor none of whose parents has it, whose
// ALTER COLUMN reaches t. It is t itself when no parent has the column.
func (g *graph) columnRoot(t *model.Table, name string) *model.Table {
	for _, p := range g.parentsOf(t) {
		if g.columnOf(p, name) != nil {
			return g.columnRoot(p, name)
		}
	}
	return t
}

// columnAncestors returns the tables above a table that pass a column
// down to it, nearest first.
func (g *graph) columnAncestors(table model.Name, name string) []model.Name {
	t := g.table(table)
	if t == nil {
		return nil
	}
	var out []model.Name
	for _, p := range g.parentsOf(t) {
		if g.columnOf(p, name) != nil {
			out = append(out, p.Name)
			out = append(out, g.columnAncestors(p.Name, name)...)
		}
	}
	return out
}

// sameSettings reports whether two columns have the same per-table
// settings.
func sameSettings(a, b *model.Column) bool {
	return a.Storage == b.Storage && a.Compression == b.Compression &&
		same(a.Statistics, b.Statistics) && slices.Equal(a.Options, b.Options)
}

// withSettings returns a copy of col with the per-table settings of s.
func withSettings(col, s *model.Column) *model.Column {
	out := *col
	out.Storage, out.Compression, out.Statistics, out.Options = s.Storage, s.Compression, s.Statistics, s.Options
	return &out
}

// recursed returns the settings a child's column has once the changes of
// the column's root reach it: from, with the root's new statistics target
// and storage when the root changes them (ALTER COLUMN without ONLY).
// The child must be under the same root on both sides, for the change
// to reach it.
func (d *differ) recursed(t *model.Table, from *model.Column) *model.Column {
	root := d.tg.columnRoot(t, from.Name)
	f := d.fg.table(t.Name)
	if root == t || f == nil || d.fg.columnRoot(f, from.Name).Name != root.Name {
		return from
	}
	fr := d.fg.table(root.Name)
	rf, rt := fr.Column(from.Name), root.Column(from.Name)
	if rf == nil || rt == nil {
		return from
	}
	out := *from
	if !same(rf.Statistics, rt.Statistics) {
		out.Statistics = rt.Statistics
	}
	if rf.Storage != rt.Storage {
		out.Storage = rt.Storage
	}
	return &out
}

// added returns the settings a child's column has when its parent adds
// the column: ADD COLUMN passes the compression method down, and the
// storage and target the addition sets after it; not the options.
func added(pc *model.Column) *model.Column {
	out := *pc
	out.Options = nil
	return &out
}

// atCreation returns a column of a new child as CREATE TABLE gives it,
// before any setting of its own: its parent's storage and compression
// method, no target, no options. The child is created once its parent's
// columns are as the target has them, the parent's own settings included
// (see the CreateTable effect).
func (d *differ) atCreation(t *model.Table, name string) *model.Column {
	for _, p := range d.tg.parentsOf(t) {
		if pc := d.tg.columnOf(p, name); pc != nil {
			out := *pc
			out.Statistics, out.Options = nil, nil
			return &out
		}
	}
	return nil
}

// tableSettings gives a child's column the settings it keeps apart from
// its parent: from is the column as the table has it before (as its
// parent's changes leave it), to as it should be. Only those settings are
// compared; the statements run with ONLY and after the parent's changes.
func (d *differ) tableSettings(table model.Name, from, to *model.Column) {
	if from == nil || to == nil || sameSettings(from, to) {
		return
	}
	a, b := withSettings(to, from), withSettings(to, to)
	c := AlterColumn{Table: table, From: a, To: b, Only: true, AfterParent: true}
	if a.Storage != "" && b.Storage == "" {
		c.DefaultStorage = d.defaultStorage(b.Type)
	}
	d.add(c)
}

// defaultStorage returns the default storage of a type of the target
// schema.
func (d *differ) defaultStorage(typ string) string {
	return pgsql.TypeStorage(typ, func(schema, name string) (bool, string) {
		n := model.Name{Schema: schema, Name: name}
		if dm := d.tg.domain(n); dm != nil {
			return false, dm.Type
		}
		return d.tg.enum(n) != nil, ""
	})
}

// createdColumns returns the columns an inheritance child's CREATE TABLE
// defines: those it defines itself. One it inherits only (Inherited) is
// left out, to stay so, and given what it sets on its own afterwards
// (see newChildSettings); one it defines too is written without a
// compression method, which merging would require to match its parent's.
func (d *differ) createdColumns(t *model.Table) []*model.Column {
	if t.PartitionOf != nil || len(t.Inherits) == 0 {
		return t.Columns
	}
	var out []*model.Column
	for _, c := range t.Columns {
		switch {
		case c.Inherited:
		case d.tg.inheritedColumn(t.Inherits, c.Name) == nil:
			out = append(out, c)
		default:
			cc := *c
			cc.Compression = ""
			out = append(out, &cc)
		}
	}
	return out
}

// newChildSettings gives a new partition or inheritance child the
// settings its creation does not (see atCreation and createdColumns).
func (d *differ) newChildSettings(t *model.Table) {
	if t.PartitionOf != nil {
		for _, tc := range d.tg.effectiveColumns(t) {
			d.tableSettings(t.Name, d.atCreation(t, tc.Name), tc)
		}
		return
	}
	created := d.createdColumns(t)
	for _, pc := range d.tg.inheritedOnce(d.tg.parentsOf(t)) {
		from := d.atCreation(t, pc.Name)
		c := model.ColumnNamed(created, pc.Name)
		switch {
		case c != nil && from != nil:
			// Defined by CREATE TABLE, with its settings but the method,
			// which merging gives it from its parent.
			from = withSettings(c, &model.Column{Storage: c.Storage, Compression: from.Compression, Statistics: c.Statistics, Options: c.Options})
		case c == nil && from != nil:
			// Inherited only: what the table sets on it apart from its
			// parent's (NOT NULL, a default) follows.
			if own := t.Column(pc.Name); own != nil {
				d.ownSettings(t.Name, from, own, true)
			}
		}
		d.tableSettings(t.Name, from, d.tg.columnOf(t, pc.Name))
	}
}
