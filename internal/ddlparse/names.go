package ddlparse

import (
	"strconv"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
)

// chooseRelationName picks a pg_class name not yet taken in the schema,
// adding 1, 2, ... to the label on conflict (ChooseRelationName).
// isConstraint also avoids constraint names, for indexes that implement
// constraints.
func (b *builder) chooseRelationName(schema, name1, name2, label string, isConstraint bool) string {
	mod := label
	for pass := 1; ; pass++ {
		name := pgsql.MakeObjectName(name1, name2, mod)
		if !b.relationExists(schema, name) && (!isConstraint || !b.connames[schema][name]) {
			return name
		}
		mod = label + strconv.Itoa(pass)
	}
}

// chooseConstraintName picks a constraint name not taken in the schema nor
// in others (ChooseConstraintName).
func (b *builder) chooseConstraintName(schema, name1, name2, label string, others []string) string {
	mod := label
	for pass := 1; ; pass++ {
		name := pgsql.MakeObjectName(name1, name2, mod)
		taken := b.connames[schema][name]
		for _, o := range others {
			taken = taken || o == name
		}
		if !taken {
			return name
		}
		mod = label + strconv.Itoa(pass)
	}
}

// indexColumnNames returns the names PostgreSQL derives for index columns
// (ChooseIndexColumnNames): the column name, or for an expression the name
// of its function or "expr"; duplicates get a numeric suffix.
func indexColumnNames(elems []*pg.Node) []string {
	var out []string
	for _, e := range elems {
		orig := "expr"
		if ie := e.GetIndexElem(); ie != nil {
			switch {
			case ie.Indexcolname != "":
				orig = ie.Indexcolname
			case ie.Name != "":
				orig = ie.Name
			case ie.Expr != nil:
				orig = figureIndexColname(ie.Expr)
			}
		} else if s := e.GetString_(); s != nil {
			orig = s.Sval
		}
		out = append(out, orig)
	}
	return pgsql.UniqueIndexColumnNames(out)
}

// figureIndexColname is FigureIndexColname: the name a select-list item
// would get (a column's, a function's), or "expr".
func figureIndexColname(n *pg.Node) string {
	if name, ok := sqlnorm.FigureColnameOK(n); ok {
		return name
	}
	return "expr"
}
