package introspect

import (
	"fmt"
	"slices"

	"github.com/autogen-dev/autogen/model"
)

type viewRow struct {
	Schema       string    `db:"schema"`
	Name         string    `db:"name"`
	Materialized bool      `db:"materialized"`
	Definition   string    `db:"definition"`
	Options      textArray `db:"options"`
	Columns      textArray `db:"columns"`
	// DefaultColumns and Defaults are the view's column defaults (ALTER
	// VIEW ... SET DEFAULT), by column.
	DefaultColumns textArray `db:"default_columns"`
	Defaults       textArray `db:"defaults"`
	OID            int64     `db:"oid"`
}

// view records a view; its query is read in finish, once the columns of
// every view are known.
func (r *reader) view(row *viewRow) error {
	r.viewColumns[model.Name{Schema: row.Schema, Name: row.Name}] = row.Columns
	r.views = append(r.views, row)
	return nil
}

func (r *reader) finishView(row *viewRow) error {
	q, err := ReadViewQuery(r.ns(), row.Definition)
	if err != nil {
		return err
	}
	v := &model.View{Name: model.Name{Schema: row.Schema, Name: row.Name}, Materialized: row.Materialized,
		Query: q.Expr, Options: model.CheckOptionLast(nilIfEmpty(row.Options)), Comment: r.comment("pg_class", row.OID, 0)}
	v.Access = r.access("pg_class", row.OID, 0, v.ID().Kind, v.Name.String())
	for i, col := range row.Columns {
		if r.acls[commentKey{"pg_class", row.OID, int64(i + 1)}] != nil {
			r.unsupported = append(r.unsupported, fmt.Sprintf("column %s.%s (privileges on a column of a view are not supported)", v.Name, col))
		}
		c := r.comment("pg_class", row.OID, int64(i+1))
		d := slices.Index(row.DefaultColumns, col)
		if c == "" && d < 0 {
			continue
		}
		detail := &model.Column{Name: col, Comment: c}
		if d >= 0 {
			// A view column's type is not known to schema.sql's reader, so
			// both read its default without one. The server is not asked
			// to settle a view default the two spell apart (package
			// settle probes tables' defaults); the shapes known to differ
			// for tables' defaults read alike here (settle's test
			// "view defaults").
			e, err := r.expr(row.Defaults[d], "")
			if err != nil {
				return fmt.Errorf("default of column %s of view %s: %w", col, v.Name, err)
			}
			detail.Default = e
		}
		v.ColumnDetails = append(v.ColumnDetails, detail)
	}
	r.cat.Views = append(r.cat.Views, v)
	return nil
}
