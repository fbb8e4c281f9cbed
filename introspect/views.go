package introspect

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

type viewRow struct {
	Schema       string    `db:"schema"`
	Name         string    `db:"name"`
	Materialized bool      `db:"materialized"`
	Definition   string    `db:"definition"`
	Options      textArray `db:"options"`
	Columns      textArray `db:"columns"`
	OID          int64     `db:"oid"`
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
		if c := r.comment("pg_class", row.OID, int64(i+1)); c != "" {
			v.CommentedColumns = append(v.CommentedColumns, &model.Column{Name: col, Comment: c})
		}
	}
	r.cat.Views = append(r.cat.Views, v)
	return nil
}
