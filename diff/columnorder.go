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
func ColumnOrderAfter(from, to *model.Table) []string {
	var out []string
	moved := func(c *model.Column) bool {
		f, t := from.Column(c.Name), to.Column(c.Name)
		return f == nil || t == nil || columnRecreated(f, t)
	}
	for _, c := range from.Columns {
		if !moved(c) {
			out = append(out, c.Name)
		}
	}
	for _, c := range to.Columns {
		if moved(c) {
			out = append(out, c.Name)
		}
	}
	return out
}

// columnNames lists a table's columns in order.
func columnNames(t *model.Table) []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

// reorders reports whether a table must be rewritten for its columns to
// stand in to's order. Only plain tables are rewritten: the columns of a
// partition or an inheritance child follow their parent's, and a parent's
// rewrite would take its children with it.
func (d *differ) reorders(f, t *model.Table) bool {
	if !d.exactOrder || f.PartitionBy != nil || t.PartitionBy != nil || f.PartitionOf != nil || t.PartitionOf != nil ||
		len(f.Inherits)+len(t.Inherits) > 0 || d.hasChildren(f.Name) {
		return false
	}
	return !slices.Equal(ColumnOrderAfter(f, t), columnNames(t))
}

// hasChildren reports whether a table of the current schema is a parent.
func (d *differ) hasChildren(n model.Name) bool {
	for _, t := range d.from.Tables {
		if t.PartitionOf != nil && *t.PartitionOf == n || slices.Contains(t.Inherits, n) {
			return true
		}
	}
	return false
}
