package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// FigureColname returns the output column name PostgreSQL gives a select-list
// expression without an alias, following FigureColnameInternal in the
// parser: a column's name, a function's name, a cast's type, "case",
// "array", ... and "?column?" when nothing better applies.
func FigureColname(n *pg.Node) string {
	name, _ := figureColname(n)
	if name == "" {
		return "?column?"
	}
	return name
}

// FigureColnameOK is FigureColname without the "?column?" fallback: ok is
// false when the expression suggests no name.
func FigureColnameOK(n *pg.Node) (string, bool) {
	name, strength := figureColname(n)
	return name, strength > 0 && name != ""
}

// figureColname returns a name and its strength: 2 for a real name, 1 for a
// fallback that an enclosing cast may override, 0 for none.
func figureColname(n *pg.Node) (string, int) {
	if n == nil {
		return "", 0
	}
	switch v := n.Node.(type) {
	case *pg.Node_ColumnRef:
		f := v.ColumnRef.Fields
		if len(f) > 0 {
			if s := f[len(f)-1].GetString_(); s != nil {
				return s.Sval, 2
			}
		}
	case *pg.Node_AIndirection:
		for i := len(v.AIndirection.Indirection) - 1; i >= 0; i-- {
			if s := v.AIndirection.Indirection[i].GetString_(); s != nil {
				return s.Sval, 2
			}
		}
		return figureColname(v.AIndirection.Arg)
	case *pg.Node_FuncCall:
		f := v.FuncCall.Funcname
		return f[len(f)-1].GetString_().GetSval(), 2
	case *pg.Node_AExpr:
		if v.AExpr.Kind == pg.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif", 2
		}
	case *pg.Node_TypeCast:
		name, strength := figureColname(v.TypeCast.Arg)
		if strength <= 1 {
			names := Strings(v.TypeCast.TypeName.Names)
			if len(names) > 0 {
				return names[len(names)-1], 1
			}
		}
		return name, strength
	case *pg.Node_CollateClause:
		return figureColname(v.CollateClause.Arg)
	case *pg.Node_GroupingFunc:
		return "grouping", 2
	case *pg.Node_SubLink:
		switch v.SubLink.SubLinkType {
		case pg.SubLinkType_EXISTS_SUBLINK:
			return "exists", 2
		case pg.SubLinkType_ARRAY_SUBLINK:
			return "array", 2
		case pg.SubLinkType_EXPR_SUBLINK:
			if sel := v.SubLink.Subselect.GetSelectStmt(); sel != nil && len(sel.TargetList) > 0 {
				rt := sel.TargetList[0].GetResTarget()
				if rt.Name != "" {
					return rt.Name, 2
				}
				return figureColname(rt.Val)
			}
		}
	case *pg.Node_CaseExpr:
		name, strength := figureColname(v.CaseExpr.Defresult)
		if strength <= 1 {
			return "case", 1
		}
		return name, strength
	case *pg.Node_AArrayExpr:
		return "array", 1
	case *pg.Node_RowExpr:
		return "row", 1
	case *pg.Node_CoalesceExpr:
		return "coalesce", 2
	case *pg.Node_MinMaxExpr:
		if v.MinMaxExpr.Op == pg.MinMaxOp_IS_GREATEST {
			return "greatest", 2
		}
		return "least", 2
	case *pg.Node_SqlvalueFunction:
		return strings.ToLower(sqlValueFunctions[v.SqlvalueFunction.Op]), 2
	case *pg.Node_XmlExpr:
		return "xml", 2
	}
	return "", 0
}
