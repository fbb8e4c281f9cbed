package sqlnorm

import (
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// bodyParams are the parameters a function's SQL-standard body may use:
// the function's name and its input parameters' names in order ("" for
// one without a name).
type bodyParams struct {
	fn    string
	names []string
}

// ref rewrites a column reference that names a parameter as
// function.parameter, the way PostgreSQL prints a parameter in a body
// that reads a table, and reports whether it did: an unqualified name
// that no column in scope takes, or one already qualified with the
// function's name where no range item has that name.
func (bp *bodyParams) ref(cr *pg.ColumnRef, sc *qscope) bool {
	if bp == nil {
		return false
	}
	f := cr.Fields
	switch len(f) {
	case 1:
		name := f[0].GetString_().GetSval()
		if !slices.Contains(bp.names, name) || name == "" || sc != nil && sc.resolve(name) != "" {
			return false
		}
		cr.Fields = StringNodes(bp.fn, name)
		return true
	case 2:
		qual, name := f[0].GetString_().GetSval(), f[1].GetString_().GetSval()
		return qual == bp.fn && name != "" && slices.Contains(bp.names, name) && (sc == nil || !sc.hasItem(qual))
	}
	return false
}

// positional rewrites $n as the parameter's name, as PostgreSQL prints
// a parameter that has one.
func (bp *bodyParams) positional(n *pg.Node) {
	if bp == nil {
		return
	}
	i := int(n.GetParamRef().GetNumber())
	if i < 1 || i > len(bp.names) || bp.names[i-1] == "" {
		return
	}
	n.Node = &pg.Node_ColumnRef{ColumnRef: &pg.ColumnRef{Fields: StringNodes(bp.fn, bp.names[i-1]), Location: -1}}
}

// SQLBody turns the SQL-standard body of a function (RETURN expr, or BEGIN
// ATOMIC ... END) into a model expression. fn is the function's name and
// params its input parameters' names ("" for an unnamed one): references
// to them read alike however written ($1, v, fn.v). The Go printer renders
// SELECT-only bodies; other statements go through pg_query's deparser.
func (ns *Namespace) SQLBody(n *pg.Node, fn string, params []string) (*model.Expr, error) {
	body := *ns
	body.params = &bodyParams{fn: fn, names: params}
	ns = &body
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

// ParseSQLBody reads a function body as pg_get_function_sqlbody prints it;
// fn and params are as for SQLBody.
func (ns *Namespace) ParseSQLBody(text, fn string, params []string) (*model.Expr, error) {
	res, err := Parse("CREATE FUNCTION pg_temp.body() RETURNS void LANGUAGE sql " + text)
	if err != nil {
		return nil, fmt.Errorf("parsing function body: %w", err)
	}
	f := res.Stmts[0].Stmt.GetCreateFunctionStmt()
	if f == nil || f.SqlBody == nil {
		return nil, fmt.Errorf("parsing function body: not an SQL-standard body")
	}
	e, err := ns.SQLBody(f.SqlBody, fn, params)
	if err != nil {
		return nil, err
	}
	e.SQL = text
	return e, nil
}
