package sqlnorm

import (
	"errors"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// Expr turns an expression node of a parsed statement into a model
// expression. SQL is the expression with its names qualified (see
// qualifier), Canon its normal form (see canonicalizer). typ is the
// canonical type the value is coerced to, such as a column's type for its
// default; "" when there is none. Expr modifies n.
func (ns *Namespace) Expr(n *pg.Node, typ string) (*model.Expr, error) {
	q := newQualifier(ns)
	if err := q.expr(n, nil); err != nil {
		return nil, err
	}
	return ns.printed(n, typ, q)
}

// printed returns a tree the qualifier q has walked as a model expression:
// the tree printed, its canonical form, and what q recorded it refers to.
func (ns *Namespace) printed(n *pg.Node, typ string, q *qualifier) (*model.Expr, error) {
	sql, err := ns.print(n)
	if err != nil {
		return nil, err
	}
	canon, err := ns.canon(n, typ)
	if err != nil {
		return nil, err
	}
	return &model.Expr{SQL: sql, Canon: canon, Refs: q.sortedRefs()}, nil
}

// KeyType is the type both readers canonicalise an index key expression
// with: what the index stores is its value, so a cast of a column at its
// top is kept, as in a query's output column (((v::text)) is not
// ((v::bigint))), where elsewhere such a cast is dropped.
const KeyType = "\x00key"

// ParseExpr reads expression text as PostgreSQL prints it (pg_get_expr,
// the body of a CHECK from pg_get_constraintdef) and returns it as a model
// expression: SQL is the text unchanged, Canon its normal form.
func (ns *Namespace) ParseExpr(sql, typ string) (*model.Expr, error) {
	n, err := ParseExprNode(sql)
	if err != nil {
		return nil, err
	}
	q := newQualifier(ns)
	if err := q.expr(n, nil); err != nil {
		return nil, err
	}
	canon, err := ns.canon(n, typ)
	if err != nil {
		return nil, err
	}
	return &model.Expr{SQL: sql, Canon: canon, Refs: q.sortedRefs()}, nil
}

// ParseExprNode parses the text of one expression.
func ParseExprNode(sql string) (*pg.Node, error) {
	res, err := Parse("SELECT " + sql)
	if err != nil {
		return nil, fmt.Errorf("parsing %q: %w", sql, err)
	}
	if len(res.Stmts) != 1 {
		return nil, fmt.Errorf("parsing %q: not one expression", sql)
	}
	sel := res.Stmts[0].Stmt.GetSelectStmt()
	if sel == nil || len(sel.TargetList) != 1 || len(sel.FromClause) > 0 {
		return nil, fmt.Errorf("parsing %q: not one expression", sql)
	}
	return sel.TargetList[0].GetResTarget().Val, nil
}

// Query is a view's defining query in model form.
type Query struct {
	Expr model.Expr
	// Columns are the output column names.
	Columns []string
}

// Query turns the SELECT of a CREATE VIEW into a model query. columns, when
// not empty, renames the output columns (CREATE VIEW v (a, b) AS ...); they
// are folded into the select list, as PostgreSQL does. Query modifies sel.
func (ns *Namespace) Query(sel *pg.SelectStmt, columns []string) (*Query, error) {
	q := newQualifier(ns)
	names, err := q.query(sel, nil)
	if err != nil {
		return nil, err
	}
	uniqueRefnames(sel)
	names = renameOutputs(sel, names, columns)
	node := &pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: sel}}
	sql, err := ns.print(node)
	if err != nil {
		return nil, err
	}
	canon, err := ns.canon(node, "")
	if err != nil {
		return nil, err
	}
	return &Query{Expr: model.Expr{SQL: sql, Canon: canon, Refs: q.sortedRefs()}, Columns: names}, nil
}

// ParseQuery reads a view definition as pg_get_viewdef prints it.
func (ns *Namespace) ParseQuery(sql string) (*Query, error) {
	res, err := Parse(sql)
	if err != nil {
		return nil, fmt.Errorf("parsing view query: %w", err)
	}
	if len(res.Stmts) != 1 || res.Stmts[0].Stmt.GetSelectStmt() == nil {
		return nil, errors.New("parsing view query: not one SELECT")
	}
	sel := res.Stmts[0].Stmt.GetSelectStmt()
	q := newQualifier(ns)
	names, err := q.query(sel, nil)
	if err != nil {
		return nil, err
	}
	uniqueRefnames(sel)
	canon, err := ns.canon(&pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: sel}}, "")
	if err != nil {
		return nil, err
	}
	return &Query{Expr: model.Expr{SQL: strings.TrimSpace(sql), Canon: canon, Refs: q.sortedRefs()}, Columns: names}, nil
}

// renameOutputs applies a view's column list to the select list of the
// leftmost arm, which names a set operation's outputs.
func renameOutputs(sel *pg.SelectStmt, names, columns []string) []string {
	if len(columns) == 0 {
		return names
	}
	left := sel
	for left.Larg != nil {
		left = left.Larg
	}
	for i, c := range columns {
		if i < len(left.TargetList) {
			left.TargetList[i].GetResTarget().Name = c
		}
	}
	return renamed(names, columns)[:len(names)]
}

// print renders a tree, through pg_query's deparser when the Go printer
// does not know a node.
func (ns *Namespace) print(n *pg.Node) (string, error) {
	p := &printer{ns: ns}
	p.expr(n)
	if p.err == nil {
		return p.b.String(), nil
	}
	if !errors.Is(p.err, errNoPrinter) {
		return "", p.err
	}
	return deparse(n)
}

// canon canonicalizes n (in place) and prints it.
func (ns *Namespace) canon(n *pg.Node, typ string) (string, error) {
	c := &canonicalizer{ns: ns}
	if typ == KeyType {
		n = c.target(n)
	} else {
		n = c.value(n, typ)
	}
	if c.err != nil {
		return "", c.err
	}
	return ns.print(n)
}

// Canon returns the canonical form of an expression built by the caller,
// such as the nextval default of a serial column. It modifies n.
func (ns *Namespace) Canon(n *pg.Node, typ string) (string, error) {
	return ns.canon(n, typ)
}

// Print renders a node as SQL.
func (ns *Namespace) Print(n *pg.Node) (string, error) { return ns.print(n) }

// deparse renders a node with pg_query's deparser: a query as is, an
// expression through a SELECT wrapper.
func deparse(n *pg.Node) (string, error) {
	stmt := n
	wrapped := n.GetSelectStmt() == nil
	if wrapped {
		stmt = &pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: &pg.SelectStmt{
			TargetList: []*pg.Node{{Node: &pg.Node_ResTarget{ResTarget: &pg.ResTarget{Val: n}}}},
		}}}
	}
	out, err := Deparse(&pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: stmt}}})
	if err != nil {
		return "", fmt.Errorf("deparsing: %w", err)
	}
	if wrapped {
		out = strings.TrimPrefix(out, "SELECT ")
	}
	return out, nil
}
