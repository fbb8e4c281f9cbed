package sqlnorm

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// SQLBody turns the SQL-standard body of a function (RETURN expr, or BEGIN
// ATOMIC ... END) into a model expression. The Go printer renders
// SELECT-only bodies; other statements go through pg_query's deparser.
func (ns *Namespace) SQLBody(n *pg.Node) (*model.Expr, error) {
	if r := n.GetReturnStmt(); r != nil {
		e, err := ns.Expr(r.Returnval, "")
		if err != nil {
			return nil, err
		}
		return &model.Expr{SQL: "RETURN " + e.SQL, Canon: "RETURN " + e.Canon, Refs: e.Refs}, nil
	}
	var stmts []*pg.Node
	if outer := n.GetList(); outer != nil && len(outer.Items) == 1 {
		stmts = outer.Items[0].GetList().GetItems()
	}
	var sqls, canons []string
	var refs []model.Ref
	for _, s := range stmts {
		if sel := s.GetSelectStmt(); sel != nil {
			q, err := ns.Query(sel, nil)
			if err != nil {
				return nil, err
			}
			sqls, canons = append(sqls, q.Expr.SQL), append(canons, q.Expr.Canon)
			refs = append(refs, q.Expr.Refs...)
			continue
		}
		q := newQualifier(ns)
		if err := q.dml(s); err != nil {
			return nil, err
		}
		refs = append(refs, q.sortedRefs()...)
		out, err := Deparse(&pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: s}}})
		if err != nil {
			return nil, fmt.Errorf("deparsing function body: %w", err)
		}
		sqls, canons = append(sqls, out), append(canons, out)
	}
	join := func(parts []string) string {
		if len(parts) == 0 {
			return "BEGIN ATOMIC END"
		}
		return "BEGIN ATOMIC " + strings.Join(parts, "; ") + "; END"
	}
	return &model.Expr{SQL: join(sqls), Canon: join(canons), Refs: model.SortRefs(refs)}, nil
}

// ParseSQLBody reads a function body as pg_get_function_sqlbody prints it.
func (ns *Namespace) ParseSQLBody(text string) (*model.Expr, error) {
	res, err := Parse("CREATE FUNCTION pg_temp.body() RETURNS void LANGUAGE sql " + text)
	if err != nil {
		return nil, fmt.Errorf("parsing function body: %w", err)
	}
	f := res.Stmts[0].Stmt.GetCreateFunctionStmt()
	if f == nil || f.SqlBody == nil {
		return nil, fmt.Errorf("parsing function body: not an SQL-standard body")
	}
	e, err := ns.SQLBody(f.SqlBody)
	if err != nil {
		return nil, err
	}
	e.SQL = text
	return e, nil
}
