package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// WithExactColumnOrder makes the order of a table's columns part of the
// comparison (autogen.toml column_order = "exact"). PostgreSQL appends
// added columns and cannot move one, so a table whose columns would not
// end up in the desired order is rewritten: dropped and created again with
// its rows kept (DropTable and CreateTable with KeepRows), its dependents
// following as for any recreated table. Without it, position is ignored.
func WithExactColumnOrder() Option { return func(d *differ) { d.exactOrder = true } }

// ColumnOrderAfter returns the order the columns of a table end up in when
// from is altered into to in place: the columns kept stay where they are,
// the added ones (and those dropped and added again) are appended in to's
// order.
func ColumnOrderAfter(from, to *model.Table) []string { return orderAfter(from.Columns, to.Columns) }

// orderAfter is ColumnOrderAfter over lists of columns, which for a
// partition are its whole effective columns (its parents' included).
func orderAfter(from, to []*model.Column) []string {
	moved := func(c *model.Column) bool {
		f, t := model.ColumnNamed(from, c.Name), model.ColumnNamed(to, c.Name)
		return f == nil || t == nil || columnRecreated(f, t)
	}
	var out []string
	for _, c := range from {
		if !moved(c) {
			out = append(out, c.Name)
		}
	}
	for _, c := range to {
		if moved(c) {
			out = append(out, c.Name)
		}
	}
	return out
}

// columnNames lists a table's columns in order.
func columnNames(t *model.Table) []string { return names(t.Columns) }

// reorders reports whether a table must be rewritten for its columns to
// stand in to's order. An inheritance child is not by itself: its
// inherited columns come first when it is created and are appended when a
// parent adds one, and pg_dump lists only its own; it is rewritten with a
// parent that is (recreatedTables). A parent is, with all its
// descendants, when the tree keeps its shape (sameInheritors): recreated
// alone, with its children detached (NO INHERIT), the children's columns
// would turn local, which pg_dump prints. A partitioned table or a
// partition is, when it stays in its tree with the same partition key;
// recreatedTables rewrites the whole tree from its root, since each
// partition has a column order of its own (pg_dump prints it) and a column
// added to the partitioned table is appended to every partition.
func (d *differ) reorders(f, t *model.Table) bool {
	if !d.exactOrder || len(f.Inherits)+len(t.Inherits) > 0 || !same(f.PartitionBy, t.PartitionBy) ||
		!same(f.PartitionOf, t.PartitionOf) || len(d.fg.inheritors[f.Name]) > 0 && !d.sameInheritors(f.Name) {
		return false
	}
	if f.PartitionOf != nil {
		// A partition keeps its columns where they are and gets the
		// columns added to its parent last, as the parent does.
		want := d.tg.effectiveColumns(t)
		return d.rewrite[t.Name] || !slices.Equal(orderAfter(d.fg.effectiveColumns(f), want), names(want))
	}
	return d.rewrite[t.Name] || !slices.Equal(ColumnOrderAfter(f, t), columnNames(t))
}

// sameInheritors reports whether a table's inheritance descendants are the
// same tables on both sides, each inheriting from the same parents in the
// same order, so that the tree can be rewritten as it stands.
func (d *differ) sameInheritors(n model.Name) bool {
	from, to := d.fg.inheritors[n], d.tg.inheritors[n]
	if len(from) != len(to) {
		return false
	}
	for _, f := range from {
		t := d.tg.table(f.Name)
		if t == nil || !slices.Equal(f.Inherits, t.Inherits) || !d.sameInheritors(f.Name) {
			return false
		}
	}
	return true
}

// names lists the names of columns.
func names(cols []*model.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// rewrittenRoot returns the table rewritten for t's column order: t, or
// for a partition the root of its partition tree. A partition under a
// table that changes its key or its parent is recreated with it, without
// its rows, whatever its columns: rewrittenRoot returns nil.
func (d *differ) rewrittenRoot(t *model.Table) *model.Table {
	for t.PartitionOf != nil {
		p, pf := d.tg.table(*t.PartitionOf), d.fg.table(*t.PartitionOf)
		if p == nil || pf == nil {
			break
		}
		if !same(pf.PartitionBy, p.PartitionBy) || !same(pf.PartitionOf, p.PartitionOf) {
			return nil
		}
		t = p
	}
	return t
}

// exactOrder reports whether the options ask for exact column order.
func exactOrder(opts []Option) bool {
	d := &differ{}
	for _, o := range opts {
		o(d)
	}
	return d.exactOrder
}

// misordered replays the column changes of a diff, in the order they run,
// and returns the tables whose columns would not end up in to's order:
// PostgreSQL appends every column added, so the order of the additions
// matters as much as which columns are added.
func misordered(cs []Change, from, to *model.Catalog) map[model.Name]bool {
	cols := map[model.Name][]string{}
	for _, f := range from.Tables {
		cols[f.Name] = columnNames(f)
	}
	for _, c := range cs {
		switch c := c.(type) {
		case CreateTable:
			cols[c.Table.Name] = columnNames(c.Table)
		case DropTable:
			delete(cols, c.Table.Name)
		case AddColumn:
			cols[c.Table] = append(cols[c.Table], c.Column.Name)
		case DropColumn:
			cols[c.Table] = slices.DeleteFunc(cols[c.Table], func(n string) bool { return n == c.Column.Name })
		case RenameColumn:
			if i := slices.Index(cols[c.Table], c.From); i >= 0 {
				cols[c.Table][i] = c.To
			}
		case RenameTable:
			cols[c.To] = cols[c.From]
			delete(cols, c.From)
		}
	}
	out := map[model.Name]bool{}
	for _, t := range to.Tables {
		if t.PartitionBy != nil || inherited(t) {
			continue
		}
		if got, ok := cols[t.Name]; ok && !slices.Equal(got, columnNames(t)) {
			out[t.Name] = true
		}
	}
	return out
}

// isParent reports whether a table has partitions or inheritance children.
func (g *graph) isParent(n model.Name) bool { return len(g.partitions[n])+len(g.inheritors[n]) > 0 }
