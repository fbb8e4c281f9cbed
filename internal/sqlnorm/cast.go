package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// cast builds CREATE CAST: WITH FUNCTION, WITHOUT FUNCTION or WITH INOUT,
// explicit, AS ASSIGNMENT or AS IMPLICIT. A cast has no name of its own:
// its ID's Args are "source AS target".
func (d *definer) cast(s *pg.CreateCastStmt) (*model.Definition, error) {
	src, err := d.typ(s.Sourcetype)
	if err != nil {
		return nil, err
	}
	dst, err := d.typ(s.Targettype)
	if err != nil {
		return nil, err
	}
	types := src + " AS " + dst
	sql := "CREATE CAST (" + types + ")"
	switch {
	case s.Func != nil:
		fn, err := d.function(Strings(s.Func.Objname))
		if err != nil {
			return nil, err
		}
		var args []string
		for _, a := range s.Func.Objargs {
			t, err := d.typ(a.GetTypeName())
			if err != nil {
				return nil, err
			}
			args = append(args, t)
		}
		sql += " WITH FUNCTION " + fn + "(" + strings.Join(args, ", ") + ")"
	case s.Inout:
		sql += " WITH INOUT"
	default:
		sql += " WITHOUT FUNCTION"
	}
	switch s.Context {
	case pg.CoercionContext_COERCION_ASSIGNMENT:
		sql += " AS ASSIGNMENT"
	case pg.CoercionContext_COERCION_IMPLICIT:
		sql += " AS IMPLICIT"
	}
	return &model.Definition{ID: model.ObjectID{Kind: model.KindCast, Args: types}, Create: d.expr(sql)}, nil
}
