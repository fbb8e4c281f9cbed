package sqlnorm

import (
	"errors"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// errNoPrinter marks a node the Go printer does not know; the caller then
// falls back to pg_query's C deparser.
var errNoPrinter = errors.New("no printer for node")

// printer renders parse trees as SQL. It is used for both forms of an
// expression: the executable SQL (from the qualified tree) and the canonical
// key (from the normalized tree). Operator expressions are always
// parenthesized so that the output never depends on precedence rules, and
// type names are always printed in their canonical spelling.
//
// Printing in Go rather than through pg_query's deparser avoids a cgo round
// trip per expression, which dominates reading large schemas.
type printer struct {
	ns  *Namespace
	b   strings.Builder
	err error
}

func (p *printer) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

func (p *printer) str(s string) { p.b.WriteString(s) }

func (p *printer) ident(s string) { p.str(pgsql.QuoteIdent(s)) }

// qualified prints a dotted name with each part quoted as needed.
func (p *printer) qualified(parts []*pg.Node) {
	for i, s := range Strings(parts) {
		if i > 0 {
			p.str(".")
		}
		p.ident(s)
	}
}

func (p *printer) list(nodes []*pg.Node, sep string) {
	for i, n := range nodes {
		if i > 0 {
			p.str(sep)
		}
		p.expr(n)
	}
}

// operand prints n, parenthesized unless it is atomic.
func (p *printer) operand(n *pg.Node) {
	if isAtomic(n) {
		p.expr(n)
		return
	}
	p.str("(")
	p.expr(n)
	p.str(")")
}

// isAtomic reports whether n can stand next to an operator or a cast
// without parentheses.
func isAtomic(n *pg.Node) bool {
	switch v := n.Node.(type) {
	case *pg.Node_ColumnRef, *pg.Node_FuncCall, *pg.Node_ParamRef, *pg.Node_SqlvalueFunction,
		*pg.Node_CoalesceExpr, *pg.Node_MinMaxExpr, *pg.Node_AArrayExpr, *pg.Node_CaseExpr,
		*pg.Node_RowExpr, *pg.Node_TypeCast:
		return true
	case *pg.Node_AConst:
		// A negative number next to an operator or a cast would bind
		// differently.
		s, ok := ConstText(n)
		return v.AConst.Isnull || !ok || !strings.HasPrefix(s, "-") || v.AConst.GetSval() != nil
	}
	return false
}

// expr prints an expression node.
func (p *printer) expr(n *pg.Node) {
	if n == nil || p.err != nil {
		return
	}
	switch v := n.Node.(type) {
	case *pg.Node_AConst:
		p.aconst(v.AConst)
	case *pg.Node_ColumnRef:
		for i, f := range v.ColumnRef.Fields {
			if i > 0 {
				p.str(".")
			}
			if f.GetAStar() != nil {
				p.str("*")
			} else {
				p.ident(f.GetString_().GetSval())
			}
		}
	case *pg.Node_ParamRef:
		p.str("$" + strconv.Itoa(int(v.ParamRef.Number)))
	case *pg.Node_AExpr:
		p.aexpr(v.AExpr)
	case *pg.Node_BoolExpr:
		p.boolExpr(v.BoolExpr)
	case *pg.Node_TypeCast:
		p.operand(v.TypeCast.Arg)
		p.str("::")
		p.typeName(v.TypeCast.TypeName)
	case *pg.Node_FuncCall:
		p.funcCall(v.FuncCall)
	case *pg.Node_NullTest:
		p.operand(v.NullTest.Arg)
		if v.NullTest.Nulltesttype == pg.NullTestType_IS_NULL {
			p.str(" IS NULL")
		} else {
			p.str(" IS NOT NULL")
		}
	case *pg.Node_BooleanTest:
		p.operand(v.BooleanTest.Arg)
		p.str(map[pg.BoolTestType]string{
			pg.BoolTestType_IS_TRUE: " IS TRUE", pg.BoolTestType_IS_NOT_TRUE: " IS NOT TRUE",
			pg.BoolTestType_IS_FALSE: " IS FALSE", pg.BoolTestType_IS_NOT_FALSE: " IS NOT FALSE",
			pg.BoolTestType_IS_UNKNOWN: " IS UNKNOWN", pg.BoolTestType_IS_NOT_UNKNOWN: " IS NOT UNKNOWN",
		}[v.BooleanTest.Booltesttype])
	case *pg.Node_CaseExpr:
		p.caseExpr(v.CaseExpr)
	case *pg.Node_CoalesceExpr:
		p.str("COALESCE(")
		p.list(v.CoalesceExpr.Args, ", ")
		p.str(")")
	case *pg.Node_MinMaxExpr:
		if v.MinMaxExpr.Op == pg.MinMaxOp_IS_GREATEST {
			p.str("GREATEST(")
		} else {
			p.str("LEAST(")
		}
		p.list(v.MinMaxExpr.Args, ", ")
		p.str(")")
	case *pg.Node_AArrayExpr:
		p.str("ARRAY[")
		p.list(v.AArrayExpr.Elements, ", ")
		p.str("]")
	case *pg.Node_RowExpr:
		p.str("ROW(")
		p.list(v.RowExpr.Args, ", ")
		p.str(")")
	case *pg.Node_SqlvalueFunction:
		p.sqlValueFunction(v.SqlvalueFunction)
	case *pg.Node_CollateClause:
		p.operand(v.CollateClause.Arg)
		p.str(" COLLATE ")
		p.qualified(v.CollateClause.Collname)
	case *pg.Node_AIndirection:
		p.indirection(v.AIndirection)
	case *pg.Node_SubLink:
		p.subLink(v.SubLink)
	case *pg.Node_NamedArgExpr:
		p.ident(v.NamedArgExpr.Name)
		p.str(" => ")
		p.expr(v.NamedArgExpr.Arg)
	case *pg.Node_List:
		p.str("(")
		p.list(v.List.Items, ", ")
		p.str(")")
	case *pg.Node_GroupingFunc:
		p.str("GROUPING(")
		p.list(v.GroupingFunc.Args, ", ")
		p.str(")")
	case *pg.Node_SetToDefault:
		p.str("DEFAULT")
	case *pg.Node_SelectStmt:
		p.selectStmt(v.SelectStmt)
	default:
		p.fail(errNoPrinter)
	}
}

func (p *printer) aconst(c *pg.A_Const) {
	if c.Isnull {
		p.str("NULL")
		return
	}
	switch v := c.Val.(type) {
	case *pg.A_Const_Ival:
		p.str(strconv.Itoa(int(v.Ival.Ival)))
	case *pg.A_Const_Fval:
		p.str(v.Fval.Fval)
	case *pg.A_Const_Boolval:
		p.str(strconv.FormatBool(v.Boolval.Boolval))
	case *pg.A_Const_Sval:
		p.str(pgsql.QuoteLiteral(v.Sval.Sval))
	case *pg.A_Const_Bsval:
		// The parser keeps the radix as the first letter: b101, xFF.
		s := v.Bsval.Bsval
		if s != "" {
			p.str(strings.ToUpper(s[:1]) + pgsql.QuoteLiteral(s[1:]))
		}
	default:
		p.str("NULL")
	}
}

// operator prints an operator name, OPERATOR(schema.op) when qualified.
func (p *printer) operator(name []*pg.Node) {
	parts := Strings(name)
	if len(parts) == 1 {
		p.str(parts[0])
		return
	}
	p.str("OPERATOR(")
	for i, s := range parts {
		if i > 0 {
			p.str(".")
		}
		if i < len(parts)-1 {
			p.ident(s)
		} else {
			p.str(s)
		}
	}
	p.str(")")
}

func (p *printer) aexpr(e *pg.A_Expr) {
	op := Strings(e.Name)
	opName := ""
	if len(op) > 0 {
		opName = op[len(op)-1]
	}
	switch e.Kind {
	case pg.A_Expr_Kind_AEXPR_OP:
		if e.Lexpr != nil {
			p.operand(e.Lexpr)
			p.str(" ")
		}
		p.operator(e.Name)
		if e.Rexpr != nil {
			p.str(" ")
			p.operand(e.Rexpr)
		}
	case pg.A_Expr_Kind_AEXPR_OP_ANY, pg.A_Expr_Kind_AEXPR_OP_ALL:
		p.operand(e.Lexpr)
		p.str(" ")
		p.operator(e.Name)
		if e.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY {
			p.str(" ANY (")
		} else {
			p.str(" ALL (")
		}
		p.expr(e.Rexpr)
		p.str(")")
	case pg.A_Expr_Kind_AEXPR_DISTINCT, pg.A_Expr_Kind_AEXPR_NOT_DISTINCT:
		p.operand(e.Lexpr)
		if e.Kind == pg.A_Expr_Kind_AEXPR_DISTINCT {
			p.str(" IS DISTINCT FROM ")
		} else {
			p.str(" IS NOT DISTINCT FROM ")
		}
		p.operand(e.Rexpr)
	case pg.A_Expr_Kind_AEXPR_NULLIF:
		p.str("NULLIF(")
		p.expr(e.Lexpr)
		p.str(", ")
		p.expr(e.Rexpr)
		p.str(")")
	case pg.A_Expr_Kind_AEXPR_IN:
		p.operand(e.Lexpr)
		if opName == "<>" {
			p.str(" NOT")
		}
		p.str(" IN ")
		p.expr(e.Rexpr)
	case pg.A_Expr_Kind_AEXPR_LIKE, pg.A_Expr_Kind_AEXPR_ILIKE, pg.A_Expr_Kind_AEXPR_SIMILAR:
		// The operator form means the same and keeps ESCAPE (folded into a
		// like_escape or similar_to_escape call by the parser) intact.
		p.operand(e.Lexpr)
		p.str(" ")
		p.operator(e.Name)
		p.str(" ")
		p.operand(e.Rexpr)
	case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN,
		pg.A_Expr_Kind_AEXPR_BETWEEN_SYM, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
		bounds := e.Rexpr.GetList().GetItems()
		if len(bounds) != 2 {
			p.fail(errNoPrinter)
			return
		}
		p.operand(e.Lexpr)
		p.str(map[pg.A_Expr_Kind]string{
			pg.A_Expr_Kind_AEXPR_BETWEEN: " BETWEEN ", pg.A_Expr_Kind_AEXPR_NOT_BETWEEN: " NOT BETWEEN ",
			pg.A_Expr_Kind_AEXPR_BETWEEN_SYM:     " BETWEEN SYMMETRIC ",
			pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM: " NOT BETWEEN SYMMETRIC ",
		}[e.Kind])
		p.operand(bounds[0])
		p.str(" AND ")
		p.operand(bounds[1])
	default:
		p.fail(errNoPrinter)
	}
}

func (p *printer) boolExpr(e *pg.BoolExpr) {
	if e.Boolop == pg.BoolExprType_NOT_EXPR {
		p.str("NOT ")
		p.operand(e.Args[0])
		return
	}
	sep := " AND "
	if e.Boolop == pg.BoolExprType_OR_EXPR {
		sep = " OR "
	}
	for i, a := range e.Args {
		if i > 0 {
			p.str(sep)
		}
		p.operand(a)
	}
}

func (p *printer) typeName(tn *pg.TypeName) {
	s, err := p.ns.TypeName(tn, ColumnType)
	if err != nil {
		p.fail(err)
		return
	}
	p.str(s)
}

func (p *printer) funcCall(f *pg.FuncCall) {
	if f.Funcformat == pg.CoercionForm_COERCE_SQL_SYNTAX && p.sqlSyntax(f) {
		return
	}
	name := Strings(f.Funcname)
	// Functions whose names are keywords (extract, substring, overlay, ...)
	// can only be called with the plain syntax when qualified.
	if len(name) == 1 && pgsql.QuoteIdent(name[0]) != name[0] && pgsql.FoldIdent(name[0]) == name[0] {
		if cat, ok := pgsql.Keyword(name[0]); ok && cat != pgsql.Unreserved {
			p.str("pg_catalog.")
		}
	}
	p.qualified(f.Funcname)
	p.str("(")
	if f.AggDistinct {
		p.str("DISTINCT ")
	}
	if f.AggStar {
		p.str("*")
	}
	for i, a := range f.Args {
		if i > 0 {
			p.str(", ")
		}
		if f.FuncVariadic && i == len(f.Args)-1 {
			p.str("VARIADIC ")
		}
		p.expr(a)
	}
	if len(f.AggOrder) > 0 && !f.AggWithinGroup {
		p.str(" ORDER BY ")
		p.sortList(f.AggOrder)
	}
	p.str(")")
	if f.AggWithinGroup {
		p.str(" WITHIN GROUP (ORDER BY ")
		p.sortList(f.AggOrder)
		p.str(")")
	}
	if f.AggFilter != nil {
		p.str(" FILTER (WHERE ")
		p.expr(f.AggFilter)
		p.str(")")
	}
	if f.Over != nil {
		p.str(" OVER ")
		if f.Over.Name != "" {
			p.ident(f.Over.Name)
		} else {
			p.windowDef(f.Over)
		}
	}
}

func (p *printer) caseExpr(c *pg.CaseExpr) {
	p.str("CASE")
	if c.Arg != nil {
		p.str(" ")
		p.expr(c.Arg)
	}
	for _, w := range c.Args {
		cw := w.GetCaseWhen()
		p.str(" WHEN ")
		p.expr(cw.Expr)
		p.str(" THEN ")
		p.expr(cw.Result)
	}
	if c.Defresult != nil {
		p.str(" ELSE ")
		p.expr(c.Defresult)
	}
	p.str(" END")
}

// sqlValueFunctions names the SQL-standard functions without parentheses;
// FigureColname uses the lower-case names as column names.
var sqlValueFunctions = map[pg.SQLValueFunctionOp]string{
	pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE: "CURRENT_DATE", pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME: "CURRENT_TIME",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N: "CURRENT_TIME", pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP: "CURRENT_TIMESTAMP",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N: "CURRENT_TIMESTAMP", pg.SQLValueFunctionOp_SVFOP_LOCALTIME: "LOCALTIME",
	pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N: "LOCALTIME", pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP: "LOCALTIMESTAMP",
	pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N: "LOCALTIMESTAMP", pg.SQLValueFunctionOp_SVFOP_CURRENT_ROLE: "CURRENT_ROLE",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_USER: "CURRENT_USER", pg.SQLValueFunctionOp_SVFOP_USER: "USER",
	pg.SQLValueFunctionOp_SVFOP_SESSION_USER: "SESSION_USER", pg.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG: "CURRENT_CATALOG",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_SCHEMA: "CURRENT_SCHEMA",
}

func (p *printer) sqlValueFunction(f *pg.SQLValueFunction) {
	p.str(sqlValueFunctions[f.Op])
	switch f.Op {
	case pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N, pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N,
		pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N, pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
		p.str("(" + strconv.Itoa(int(f.Typmod)) + ")")
	}
}

func (p *printer) indirection(ind *pg.A_Indirection) {
	p.str("(")
	p.expr(ind.Arg)
	p.str(")")
	for _, i := range ind.Indirection {
		switch v := i.Node.(type) {
		case *pg.Node_String_:
			p.str(".")
			p.ident(v.String_.Sval)
		case *pg.Node_AStar:
			p.str(".*")
		case *pg.Node_AIndices:
			p.str("[")
			if v.AIndices.Lidx != nil {
				p.expr(v.AIndices.Lidx)
			}
			if v.AIndices.IsSlice {
				p.str(":")
			}
			if v.AIndices.Uidx != nil {
				p.expr(v.AIndices.Uidx)
			}
			p.str("]")
		default:
			p.fail(errNoPrinter)
		}
	}
}

func (p *printer) subLink(s *pg.SubLink) {
	switch s.SubLinkType {
	case pg.SubLinkType_EXISTS_SUBLINK:
		p.str("EXISTS (")
	case pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK:
		p.operand(s.Testexpr)
		p.str(" ")
		if len(s.OperName) == 0 {
			p.str("IN (")
			break
		}
		p.operator(s.OperName)
		if s.SubLinkType == pg.SubLinkType_ANY_SUBLINK {
			p.str(" ANY (")
		} else {
			p.str(" ALL (")
		}
	case pg.SubLinkType_EXPR_SUBLINK:
		p.str("(")
	case pg.SubLinkType_ARRAY_SUBLINK:
		p.str("ARRAY(")
	default:
		p.fail(errNoPrinter)
		return
	}
	p.expr(s.Subselect)
	p.str(")")
}

func (p *printer) sortList(items []*pg.Node) {
	for i, n := range items {
		if i > 0 {
			p.str(", ")
		}
		sb := n.GetSortBy()
		if sb == nil {
			p.fail(errNoPrinter)
			return
		}
		p.expr(sb.Node)
		switch sb.SortbyDir {
		case pg.SortByDir_SORTBY_ASC:
			p.str(" ASC")
		case pg.SortByDir_SORTBY_DESC:
			p.str(" DESC")
		case pg.SortByDir_SORTBY_USING:
			p.str(" USING ")
			p.operator(sb.UseOp)
		}
		switch sb.SortbyNulls {
		case pg.SortByNulls_SORTBY_NULLS_FIRST:
			p.str(" NULLS FIRST")
		case pg.SortByNulls_SORTBY_NULLS_LAST:
			p.str(" NULLS LAST")
		}
	}
}

// Window frame option bits, as in PostgreSQL's parsenodes.h.
const (
	frameNonDefault       = 0x00001
	frameRange            = 0x00002
	frameRows             = 0x00004
	frameGroups           = 0x00008
	frameBetween          = 0x00010
	frameStartUnbPreced   = 0x00020
	frameEndUnbFollowing  = 0x00100
	frameStartCurrentRow  = 0x00200
	frameEndCurrentRow    = 0x00400
	frameStartOffsetPrec  = 0x00800
	frameEndOffsetPrec    = 0x01000
	frameStartOffsetFollo = 0x02000
	frameEndOffsetFollo   = 0x04000
	frameExcludeCurrent   = 0x08000
	frameExcludeGroup     = 0x10000
	frameExcludeTies      = 0x20000
)

// frameBound prints one end of a window frame.
func (p *printer) frameBound(unbounded bool, unboundedText string, current, preceding, following bool, offset *pg.Node) {
	switch {
	case unbounded:
		p.str(unboundedText)
	case current:
		p.str("CURRENT ROW")
	case preceding:
		p.expr(offset)
		p.str(" PRECEDING")
	case following:
		p.expr(offset)
		p.str(" FOLLOWING")
	}
}

func (p *printer) windowDef(w *pg.WindowDef) {
	p.str("(")
	sep := ""
	if w.Refname != "" {
		p.ident(w.Refname)
		sep = " "
	}
	if len(w.PartitionClause) > 0 {
		p.str(sep + "PARTITION BY ")
		p.list(w.PartitionClause, ", ")
		sep = " "
	}
	if len(w.OrderClause) > 0 {
		p.str(sep + "ORDER BY ")
		p.sortList(w.OrderClause)
		sep = " "
	}
	if o := w.FrameOptions; o&frameNonDefault != 0 {
		p.str(sep)
		switch {
		case o&frameRows != 0:
			p.str("ROWS ")
		case o&frameGroups != 0:
			p.str("GROUPS ")
		default:
			p.str("RANGE ")
		}
		if o&frameBetween != 0 {
			p.str("BETWEEN ")
		}
		p.frameBound(o&frameStartUnbPreced != 0, "UNBOUNDED PRECEDING", o&frameStartCurrentRow != 0,
			o&frameStartOffsetPrec != 0, o&frameStartOffsetFollo != 0, w.StartOffset)
		if o&frameBetween != 0 {
			p.str(" AND ")
			p.frameBound(o&frameEndUnbFollowing != 0, "UNBOUNDED FOLLOWING", o&frameEndCurrentRow != 0,
				o&frameEndOffsetPrec != 0, o&frameEndOffsetFollo != 0, w.EndOffset)
		}
		switch {
		case o&frameExcludeCurrent != 0:
			p.str(" EXCLUDE CURRENT ROW")
		case o&frameExcludeGroup != 0:
			p.str(" EXCLUDE GROUP")
		case o&frameExcludeTies != 0:
			p.str(" EXCLUDE TIES")
		}
	}
	p.str(")")
}

// sqlSyntax prints a call written in SQL-standard syntax (EXTRACT(year FROM
// d), POSITION(a IN b), TRIM(BOTH FROM s), x AT TIME ZONE z, ...) the way it
// was written, as PostgreSQL does; it reports false for other calls. The
// canonical form clears the syntax flag, so only executable SQL uses this.
func (p *printer) sqlSyntax(f *pg.FuncCall) bool {
	name := Strings(f.Funcname)
	a := f.Args
	switch fn := name[len(name)-1]; {
	case fn == "extract" && len(a) == 2:
		field, ok := ConstText(a[0])
		if !ok {
			return false
		}
		p.str("EXTRACT(" + field + " FROM ")
		p.expr(a[1])
		p.str(")")
	case fn == "position" && len(a) == 2:
		p.str("POSITION(")
		p.operand(a[1])
		p.str(" IN ")
		p.operand(a[0])
		p.str(")")
	case fn == "substring" && (len(a) == 2 || len(a) == 3):
		p.keywordArgs("SUBSTRING", a, " FROM ", " FOR ")
	case (fn == "btrim" || fn == "ltrim" || fn == "rtrim") && (len(a) == 1 || len(a) == 2):
		p.str(map[string]string{"btrim": "TRIM(BOTH ", "ltrim": "TRIM(LEADING ", "rtrim": "TRIM(TRAILING "}[fn])
		if len(a) == 2 {
			p.expr(a[1])
			p.str(" ")
		}
		p.str("FROM ")
		p.expr(a[0])
		p.str(")")
	case fn == "overlay" && (len(a) == 3 || len(a) == 4):
		p.keywordArgs("OVERLAY", a, " PLACING ", " FROM ", " FOR ")
	case fn == "timezone" && len(a) == 2:
		// Parenthesized like an operator: it binds less tightly than ::.
		p.str("(")
		p.operand(a[1])
		p.str(" AT TIME ZONE ")
		p.operand(a[0])
		p.str(")")
	case fn == "overlaps" && len(a) == 4:
		p.str("((")
		p.list(a[:2], ", ")
		p.str(") OVERLAPS (")
		p.list(a[2:], ", ")
		p.str("))")
	case fn == "pg_collation_for" && len(a) == 1:
		p.str("COLLATION FOR (")
		p.expr(a[0])
		p.str(")")
	default:
		return false
	}
	return true
}

// keywordArgs prints name(a0 kw1 a1 kw2 a2 ...), the SQL-standard call form
// whose arguments are separated by keywords.
func (p *printer) keywordArgs(name string, args []*pg.Node, keywords ...string) {
	p.str(name + "(")
	for i, a := range args {
		if i > 0 {
			p.str(keywords[i-1])
		}
		p.expr(a)
	}
	p.str(")")
}
