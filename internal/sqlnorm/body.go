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

// param reports whether a column reference names a parameter: an
// unqualified name that no column in scope takes, or one qualified with
// the function's name where no range item has that name. sc is nil
// outside queries.
func (bp *bodyParams) param(cr *pg.ColumnRef, sc *qscope) bool {
	if bp == nil {
		return false
	}
	f := cr.Fields
	switch len(f) {
	case 1:
		name := f[0].GetString_().GetSval()
		return name != "" && slices.Contains(bp.names, name) && (sc == nil || sc.resolve(name) == "")
	case 2:
		qual, name := f[0].GetString_().GetSval(), f[1].GetString_().GetSval()
		return qual == bp.fn && name != "" && slices.Contains(bp.names, name) && (sc == nil || !sc.hasItem(qual))
	}
	return false
}

// canon returns the canonical form of a parameter reference, n being a
// column reference that param accepted or a positional $n: always
// function.name, however written (PostgreSQL prints the qualified name
// once the body reads a table). It returns n for anything else.
func (bp *bodyParams) canon(n *pg.Node) *pg.Node {
	if bp == nil {
		return n
	}
	name := ""
	if pr := n.GetParamRef(); pr != nil {
		if i := int(pr.Number); i >= 1 && i <= len(bp.names) {
			name = bp.names[i-1]
		}
	} else if f := n.GetColumnRef().GetFields(); len(f) == 1 {
		name = f[0].GetString_().GetSval()
		if !slices.Contains(bp.names, name) {
			name = ""
		}
	}
	if name == "" {
		return n
	}
	return &pg.Node{Node: &pg.Node_ColumnRef{ColumnRef: &pg.ColumnRef{Fields: StringNodes(bp.fn, name), Location: -1}}}
}

// canonTree returns a copy of a statement with its parameter references
// in canonical form (see canon). The qualifier has qualified every column
// reference it resolved, so an unqualified name left is not a column.
func (bp *bodyParams) canonTree(n *pg.Node) *pg.Node {
	n = cloneNode(n)
	walk(n, func(x *pg.Node) bool {
		if x.GetColumnRef() != nil || x.GetParamRef() != nil {
			x.Node = bp.canon(x).Node
			return false
		}
		return true
	})
	return n
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
		canon, err := Deparse(&pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: ns.params.canonTree(s)}}})
		if err != nil {
			return nil, fmt.Errorf("deparsing function body: %w", err)
		}
		sqls, canons = append(sqls, out), append(canons, canon)
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
