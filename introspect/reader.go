package introspect

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/sqlnorm"
)

// reader turns catalog rows into a model catalog. Rows of later kinds refer
// to objects of earlier ones (columns to tables, indexes to constraints);
// what needs the whole picture (partition bounds, view queries) waits for
// finish.
type reader struct {
	cat    *model.Catalog
	tables map[model.Name]*model.Table
	// constraints indexes the constraints that own an index, by table and
	// name, so the index rows can complete them.
	constraints map[[2]model.Name]*model.Constraint
	viewColumns map[model.Name][]string
	views       []*viewRow
	partitions  []*tableRow
	unsupported []string
}

// ns returns the namespace catalog text is read in: an empty search_path,
// so every unqualified name is in pg_catalog.
func (r *reader) ns() *sqlnorm.Namespace {
	return &sqlnorm.Namespace{Columns: r.columns}
}

func (r *reader) columns(n model.Name) ([]string, bool) {
	if t := r.tables[n]; t != nil {
		out := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			out[i] = c.Name
		}
		return out, true
	}
	cols, ok := r.viewColumns[n]
	return cols, ok
}

// expr parses expression text from the catalog; "" is no expression.
func (r *reader) expr(text, typ string) (*model.Expr, error) {
	if text == "" {
		return nil, nil
	}
	e, err := r.ns().ParseExpr(text, typ)
	if err != nil {
		return nil, fmt.Errorf("%w (expression %q)", err, text)
	}
	return e, nil
}

type unsupportedRow struct {
	Kind string `db:"kind"`
	Name string `db:"name"`
}

func (r *reader) unsupportedObject(row *unsupportedRow) error {
	r.unsupported = append(r.unsupported, row.Kind+" "+row.Name)
	return nil
}

// finish completes what needed every row: partition keys and bounds, view
// queries.
func (r *reader) finish() error {
	if len(r.unsupported) > 0 {
		return &UnsupportedError{Objects: r.unsupported}
	}
	// Bounds are printed in the types of the parent's key: keys first.
	for _, bounds := range []bool{false, true} {
		for _, row := range r.partitions {
			if err := r.partitioning(row, bounds); err != nil {
				return fmt.Errorf("introspect: table %s.%s: %w", row.Schema, row.Name, err)
			}
		}
	}
	for _, v := range r.views {
		if err := r.finishView(v); err != nil {
			return fmt.Errorf("introspect: view %s.%s: %w", v.Schema, v.Name, err)
		}
	}
	return nil
}
