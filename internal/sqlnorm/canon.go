package sqlnorm

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// canonicalizer rewrites a qualified tree into the normal form that both
// readers compare. The rewrites remove what PostgreSQL adds or changes when
// it stores an expression, and what users may spell in several ways:
//
//   - casts on constants and on arrays of constants are dropped
//     ('x'::character varying); the constant is rewritten in the output
//     format of the type it was cast to (see literal.go), and every
//     constant becomes a string, so -1 and '-1'::integer agree;
//   - a cast of a column reference is dropped where it may be an implicit
//     coercion the server added: to a string type ((status)::text, see
//     coercionTarget), or a widening ((n)::numeric, see wideningTarget)
//     unless the other operand is a string constant; it stays where it
//     changes the value (n::integer) or what is compared
//     (price_text::numeric > '0');
//   - at the top of a query's output column (target) or an index key
//     (KeyType), a cast of a column stays, and a constant keeps its type:
//     there they set the column's or the key's type;
//   - x IN (a, b) becomes x = ANY (ARRAY[a, b]) and NOT IN becomes <> ALL,
//     split the way the parser splits lists that mention columns;
//     an array literal '{a,b}' compared with ANY becomes ARRAY['a', 'b'];
//   - LIKE, ILIKE and SIMILAR TO become their operators (~~, ~~*, ~), and
//     IS NOT DISTINCT FROM becomes NOT (... IS DISTINCT FROM ...);
//   - BETWEEN becomes the pair of comparisons PostgreSQL stores;
//   - nested AND and OR are flattened; CASE ... ELSE NULL drops the ELSE;
//   - presentation flags (ROW vs implicit row, call syntax, LATERAL on a
//     function in FROM) are cleared.
//
// Parentheses need no rule: they are not in the tree.
type canonicalizer struct {
	ns *Namespace
	// written are the casts of columns that the SQL must have written
	// itself (see markWritten).
	written map[*pg.TypeCast]bool
	// err is the first constant that cannot be canonicalized (see
	// FrozenLiteral).
	err error
}

// expr returns the canonical form of n, which it may modify. typ is the
// canonical type the value is coerced to ("" when unknown), used to rewrite
// constants.
func (c *canonicalizer) expr(n *pg.Node, typ string) *pg.Node {
	if n == nil {
		return nil
	}
	switch v := n.Node.(type) {
	case *pg.Node_ColumnRef, *pg.Node_ParamRef:
		return c.ns.params.canon(n)
	case *pg.Node_AConst:
		if s, ok := ConstText(n); ok {
			if v.AConst.GetFval() != nil {
				// An untyped decimal literal is numeric, whatever it is
				// coerced to: the server keeps the numeric constant under
				// an implicit cast, so that 1.50 as a float8 default
				// prints as 1.50, not as the float 1.5.
				typ = "numeric"
			}
			if FrozenLiteral(typ, s) && c.err == nil {
				c.err = &LiteralError{Location: v.AConst.Location, err: fmt.Errorf("%w: '%s'::%s is replaced by the time the statement runs and frozen there; "+
					"write %s to mean the time of each use, or the value itself", ErrFrozenLiteral, s, typ, frozenAdvice(typ, s))}
			}
			return MakeString(canonLiteral(typ, s))
		}
	case *pg.Node_TypeCast:
		t, err := c.ns.TypeName(v.TypeCast.TypeName, ColumnType)
		if err != nil {
			t = ""
		}
		arg := c.expr(v.TypeCast.Arg, t)
		if isConstLike(arg) || columnValue(arg) && (coercionTarget(t) || wideningTarget(t) && !c.written[v.TypeCast]) {
			return arg
		}
		v.TypeCast.Arg = arg
	case *pg.Node_AExpr:
		return c.aexpr(v.AExpr)
	case *pg.Node_BoolExpr:
		return c.boolExpr(v.BoolExpr)
	case *pg.Node_FuncCall:
		f := v.FuncCall
		// The syntax a call is written in stays: PostgreSQL keeps it
		// (now() AT TIME ZONE 'utc' and timezone('utc', now()) are the
		// same call, printed each its own way by pg_dump).
		f.Location = 0
		c.list(f.Args)
		c.sortList(f.AggOrder)
		f.AggFilter = c.expr(f.AggFilter, "")
		if f.Over != nil {
			c.list(f.Over.PartitionClause)
			c.sortList(f.Over.OrderClause)
			f.Over.StartOffset = c.expr(f.Over.StartOffset, "")
			f.Over.EndOffset = c.expr(f.Over.EndOffset, "")
		}
	case *pg.Node_NullTest:
		v.NullTest.Arg = c.expr(v.NullTest.Arg, "")
	case *pg.Node_BooleanTest:
		v.BooleanTest.Arg = c.expr(v.BooleanTest.Arg, "")
	case *pg.Node_CaseExpr:
		ce := v.CaseExpr
		if ce.Arg != nil && !slices.ContainsFunc(ce.Args, func(w *pg.Node) bool { return !plainConst(w.GetCaseWhen().Expr) }) {
			// CASE x WHEN 'a' ...: each WHEN compares with the argument.
			c.markCasts(ce.Arg)
		}
		ce.Arg = c.expr(ce.Arg, "")
		for _, w := range ce.Args {
			cw := w.GetCaseWhen()
			cw.Expr = c.expr(cw.Expr, "")
			cw.Result = c.expr(cw.Result, typ)
		}
		ce.Defresult = c.expr(ce.Defresult, typ)
		if ce.Defresult != nil && isNullConst(ce.Defresult) {
			// PostgreSQL adds ELSE NULL when it is omitted.
			ce.Defresult = nil
		}
	case *pg.Node_CoalesceExpr:
		c.markAmong(v.CoalesceExpr.Args)
		for i, a := range v.CoalesceExpr.Args {
			v.CoalesceExpr.Args[i] = c.expr(a, typ)
		}
	case *pg.Node_MinMaxExpr:
		c.markAmong(v.MinMaxExpr.Args)
		c.list(v.MinMaxExpr.Args)
	case *pg.Node_AArrayExpr:
		elem := ""
		if len(typ) > 2 && typ[len(typ)-2:] == "[]" {
			elem = typ[:len(typ)-2]
		}
		for i, e := range v.AArrayExpr.Elements {
			v.AArrayExpr.Elements[i] = c.expr(e, elem)
		}
	case *pg.Node_GroupingSet:
		c.list(v.GroupingSet.Content)
	case *pg.Node_RowExpr:
		v.RowExpr.RowFormat = 0
		v.RowExpr.Colnames = nil
		c.list(v.RowExpr.Args)
	case *pg.Node_CollateClause:
		v.CollateClause.Arg = c.expr(v.CollateClause.Arg, typ)
	case *pg.Node_AIndirection:
		v.AIndirection.Arg = c.expr(v.AIndirection.Arg, "")
		if inner := v.AIndirection.Arg.GetAIndirection(); inner != nil {
			// (a[1]).f is a[1].f: the parser keeps one list of
			// subscripts and fields, and the server prints it so.
			v.AIndirection.Arg = inner.Arg
			v.AIndirection.Indirection = append(slices.Clip(inner.Indirection), v.AIndirection.Indirection...)
		}
		for _, ind := range v.AIndirection.Indirection {
			if ai := ind.GetAIndices(); ai != nil {
				ai.Lidx = c.expr(ai.Lidx, "")
				ai.Uidx = c.expr(ai.Uidx, "")
			}
		}
	case *pg.Node_SubLink:
		sl := v.SubLink
		sl.Testexpr = c.expr(sl.Testexpr, "")
		if sl.SubLinkType == pg.SubLinkType_ANY_SUBLINK && len(sl.OperName) == 0 {
			sl.OperName = StringNodes("=")
		}
		if sel := sl.Subselect.GetSelectStmt(); sel != nil {
			c.query(sel)
		}
	case *pg.Node_NamedArgExpr:
		v.NamedArgExpr.Arg = c.expr(v.NamedArgExpr.Arg, "")
	case *pg.Node_List:
		c.list(v.List.Items)
	case *pg.Node_GroupingFunc:
		c.list(v.GroupingFunc.Args)
	case *pg.Node_SelectStmt:
		c.query(v.SelectStmt)
	}
	return n
}

func (c *canonicalizer) list(nodes []*pg.Node) {
	for i, n := range nodes {
		nodes[i] = c.expr(n, "")
	}
}

func (c *canonicalizer) sortList(nodes []*pg.Node) {
	for _, n := range nodes {
		if sb := n.GetSortBy(); sb != nil {
			sb.Node = c.expr(sb.Node, "")
			sb.Location = 0
			sortOrder(sb)
		}
	}
}

// sortOrder writes a sort key's direction as PostgreSQL prints it: ASC
// and the NULLS placement that is the direction's default are left out
// (NULLS LAST for ascending, NULLS FIRST for descending), and USING < or
// USING > of pg_catalog is the ascending or descending order it stands
// for.
func sortOrder(sb *pg.SortBy) {
	if sb.SortbyDir == pg.SortByDir_SORTBY_USING {
		switch op := Strings(sb.UseOp); {
		case len(op) == 1 && op[0] == "<", len(op) == 2 && op[0] == "pg_catalog" && op[1] == "<":
			sb.SortbyDir, sb.UseOp = pg.SortByDir_SORTBY_ASC, nil
		case len(op) == 1 && op[0] == ">", len(op) == 2 && op[0] == "pg_catalog" && op[1] == ">":
			sb.SortbyDir, sb.UseOp = pg.SortByDir_SORTBY_DESC, nil
		default:
			return
		}
	}
	desc := sb.SortbyDir == pg.SortByDir_SORTBY_DESC
	if !desc {
		sb.SortbyDir = pg.SortByDir_SORTBY_DEFAULT
	}
	if sb.SortbyNulls == pg.SortByNulls_SORTBY_NULLS_FIRST && desc ||
		sb.SortbyNulls == pg.SortByNulls_SORTBY_NULLS_LAST && !desc {
		sb.SortbyNulls = pg.SortByNulls_SORTBY_NULLS_DEFAULT
	}
}

// coercionTarget reports whether a cast of a column to the canonical type t
// may be the server's spelling of an implicit coercion that changes
// nothing a comparison sees: to a string type (a varchar column compared
// with text). Such a cast is dropped from the canonical form. An unknown
// type ("") keeps the old rule: dropped.
func coercionTarget(t string) bool {
	switch strings.TrimSuffix(t, "[]") {
	case "", "text", "character varying", "character", "bpchar", "name":
		return true
	}
	return false
}

// wideningTarget reports whether a cast of a column to the canonical type
// t may be a widening the server adds where an operand of another type
// meets the column (an integer compared with a numeric or a double, a
// date or a timestamp passed as a timestamp with time zone). Such a cast
// is dropped too, unless the other operand is a string constant (see
// markWritten): the server types a string constant after the column and
// never casts the column to meet it, so there the cast was written and
// changes what is compared (price_text::numeric > '0' compares numbers,
// price_text > '0' strings). A cast to any other type stays
// (n::integer rounds, ts::date truncates); the server prints one of those
// too where a domain's value meets its base type, and package settle asks
// the server about the readers' disagreement then.
func wideningTarget(t string) bool {
	switch strings.TrimSuffix(t, "[]") {
	case "numeric", "bigint", "double precision", "real",
		"timestamp without time zone", "timestamp with time zone", "interval", "time with time zone":
		return true
	}
	return false
}

// markWritten records, for an operator whose one operand is a string
// constant (cast or not; for IN and BETWEEN, the list of them), the
// casts of a column that form the other operand: the SQL wrote them (see
// wideningTarget).
func (c *canonicalizer) markWritten(e *pg.A_Expr) {
	others := []*pg.Node{e.Rexpr}
	if l := e.Rexpr.GetList(); l != nil {
		others = l.Items
	}
	if len(others) > 0 && !slices.ContainsFunc(others, func(n *pg.Node) bool { return !plainConst(n) }) {
		c.markCasts(e.Lexpr)
	}
	if e.Lexpr != nil && plainConst(e.Lexpr) {
		c.markCasts(e.Rexpr)
	}
}

// markAmong marks the casts of columns among the arguments of COALESCE,
// GREATEST or LEAST when the others are string constants, which take the
// type of the rest: those casts were written (see wideningTarget).
func (c *canonicalizer) markAmong(args []*pg.Node) {
	var cast []*pg.Node
	for _, a := range args {
		switch {
		case plainConst(a):
		case a.GetTypeCast() != nil && columnValue(a):
			cast = append(cast, a)
		default:
			return
		}
	}
	if len(cast) < len(args) {
		for _, a := range cast {
			c.markCasts(a)
		}
	}
}

// markCasts marks every cast of a chain of casts over a column.
func (c *canonicalizer) markCasts(n *pg.Node) {
	if n == nil || !columnValue(n) {
		return
	}
	for tc := n.GetTypeCast(); tc != nil; tc = tc.Arg.GetTypeCast() {
		if c.written == nil {
			c.written = map[*pg.TypeCast]bool{}
		}
		c.written[tc] = true
	}
}

// plainConst reports whether n is a constant the server types after the
// operand it meets, never casting that operand to meet it: a string
// constant or an integer, possibly cast. (A decimal constant is numeric,
// and an integer column meeting one is widened: (n)::numeric > 2.5.)
func plainConst(n *pg.Node) bool {
	c := uncast(n).GetAConst()
	return n != nil && c != nil && (c.GetSval() != nil || c.GetIval() != nil)
}

// columnValue reports whether n is a column reference, or a cast of one
// that the canonical form keeps (varchar(5) of a text column, which the
// server then coerces to text for a text operator).
func columnValue(n *pg.Node) bool { return uncast(n).GetColumnRef() != nil }

// uncast returns what n casts, through any number of casts; n itself when
// it is no cast.
func uncast(n *pg.Node) *pg.Node {
	for tc := n.GetTypeCast(); tc != nil; tc = n.GetTypeCast() {
		n = tc.Arg
	}
	return n
}

// isConstLike reports whether n is a constant or an array of constants,
// after canonicalization.
func isConstLike(n *pg.Node) bool {
	if n.GetAConst() != nil {
		return true
	}
	if a := n.GetAArrayExpr(); a != nil {
		for _, e := range a.Elements {
			if !isConstLike(e) {
				return false
			}
		}
		return true
	}
	return false
}

func makeAExpr(kind pg.A_Expr_Kind, op string, l, r *pg.Node) *pg.Node {
	return &pg.Node{Node: &pg.Node_AExpr{AExpr: &pg.A_Expr{Kind: kind, Name: StringNodes(op), Lexpr: l, Rexpr: r}}}
}

func makeBool(op pg.BoolExprType, args ...*pg.Node) *pg.Node {
	return &pg.Node{Node: &pg.Node_BoolExpr{BoolExpr: &pg.BoolExpr{Boolop: op, Args: args}}}
}

func (c *canonicalizer) aexpr(e *pg.A_Expr) *pg.Node {
	c.markWritten(e)
	op := ""
	if names := Strings(e.Name); len(names) > 0 {
		op = names[len(names)-1]
	}
	switch e.Kind {
	case pg.A_Expr_Kind_AEXPR_IN:
		return c.in(e, op)
	case pg.A_Expr_Kind_AEXPR_LIKE, pg.A_Expr_Kind_AEXPR_ILIKE, pg.A_Expr_Kind_AEXPR_SIMILAR:
		e.Kind = pg.A_Expr_Kind_AEXPR_OP
	case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN,
		pg.A_Expr_Kind_AEXPR_BETWEEN_SYM, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
		return c.between(e)
	case pg.A_Expr_Kind_AEXPR_NOT_DISTINCT:
		// PostgreSQL stores IS NOT DISTINCT FROM as NOT (IS DISTINCT FROM).
		e.Kind = pg.A_Expr_Kind_AEXPR_DISTINCT
		return c.expr(makeBool(pg.BoolExprType_NOT_EXPR, &pg.Node{Node: &pg.Node_AExpr{AExpr: e}}), "")
	}
	e.Location = 0
	if names := Strings(e.Name); len(names) == 2 && IsBuiltin(KindOperator, op) {
		// An operator of an extension that shares its name with a
		// built-in one (PostGIS's &&): the catalog prints it qualified,
		// while the SQL reader, which cannot tell operators apart by
		// their operand types, leaves it bare. The key is the bare name.
		e.Name = StringNodes(op)
	}
	e.Lexpr = c.expr(e.Lexpr, "")
	e.Rexpr = c.expr(e.Rexpr, "")
	if e.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY || e.Kind == pg.A_Expr_Kind_AEXPR_OP_ALL {
		if s, ok := ConstText(e.Rexpr); ok && e.Rexpr.GetAConst().GetSval() != nil {
			if elems, ok := parseArrayLiteral(s); ok {
				e.Rexpr = &pg.Node{Node: &pg.Node_AArrayExpr{AArrayExpr: &pg.A_ArrayExpr{Elements: elems}}}
			}
		}
	}
	return &pg.Node{Node: &pg.Node_AExpr{AExpr: e}}
}

// in rewrites x [NOT] IN (list) as PostgreSQL's transformAExprIn does:
// the items that mention no column form one ANY/ALL array when there are at
// least two of them, every other item becomes its own comparison, and the
// comparisons are joined with OR (IN) or AND (NOT IN).
func (c *canonicalizer) in(e *pg.A_Expr, op string) *pg.Node {
	items := e.Rexpr.GetList().GetItems()
	if items == nil {
		// x IN (subquery) is a SubLink, not an A_Expr; anything else is
		// left alone.
		e.Lexpr = c.expr(e.Lexpr, "")
		return &pg.Node{Node: &pg.Node_AExpr{AExpr: e}}
	}
	var consts, others []*pg.Node
	for _, it := range items {
		if mentionsColumn(it) {
			others = append(others, it)
		} else {
			consts = append(consts, it)
		}
	}
	var terms []*pg.Node
	if len(consts) > 1 {
		kind := pg.A_Expr_Kind_AEXPR_OP_ANY
		if op == "<>" {
			kind = pg.A_Expr_Kind_AEXPR_OP_ALL
		}
		arr := &pg.Node{Node: &pg.Node_AArrayExpr{AArrayExpr: &pg.A_ArrayExpr{Elements: consts}}}
		terms = append(terms, makeAExpr(kind, op, cloneNode(e.Lexpr), arr))
	} else {
		others = append(consts, others...)
	}
	for _, it := range others {
		terms = append(terms, makeAExpr(pg.A_Expr_Kind_AEXPR_OP, op, cloneNode(e.Lexpr), it))
	}
	var out *pg.Node
	if len(terms) == 1 {
		out = terms[0]
	} else if op == "<>" {
		out = makeBool(pg.BoolExprType_AND_EXPR, terms...)
	} else {
		out = makeBool(pg.BoolExprType_OR_EXPR, terms...)
	}
	return c.expr(out, "")
}

// between expands BETWEEN into the comparisons PostgreSQL stores.
func (c *canonicalizer) between(e *pg.A_Expr) *pg.Node {
	b := e.Rexpr.GetList().GetItems()
	if len(b) != 2 {
		return &pg.Node{Node: &pg.Node_AExpr{AExpr: e}}
	}
	x := e.Lexpr
	cmp := func(op string, bound *pg.Node) *pg.Node {
		return makeAExpr(pg.A_Expr_Kind_AEXPR_OP, op, cloneNode(x), cloneNode(bound))
	}
	var out *pg.Node
	switch e.Kind {
	case pg.A_Expr_Kind_AEXPR_BETWEEN:
		out = makeBool(pg.BoolExprType_AND_EXPR, cmp(">=", b[0]), cmp("<=", b[1]))
	case pg.A_Expr_Kind_AEXPR_NOT_BETWEEN:
		out = makeBool(pg.BoolExprType_OR_EXPR, cmp("<", b[0]), cmp(">", b[1]))
	case pg.A_Expr_Kind_AEXPR_BETWEEN_SYM:
		out = makeBool(pg.BoolExprType_OR_EXPR,
			makeBool(pg.BoolExprType_AND_EXPR, cmp(">=", b[0]), cmp("<=", b[1])),
			makeBool(pg.BoolExprType_AND_EXPR, cmp(">=", b[1]), cmp("<=", b[0])))
	default:
		out = makeBool(pg.BoolExprType_AND_EXPR,
			makeBool(pg.BoolExprType_OR_EXPR, cmp("<", b[0]), cmp(">", b[1])),
			makeBool(pg.BoolExprType_OR_EXPR, cmp("<", b[1]), cmp(">", b[0])))
	}
	return c.expr(out, "")
}

// boolExpr canonicalizes the arguments and flattens nested ANDs and ORs.
func (c *canonicalizer) boolExpr(b *pg.BoolExpr) *pg.Node {
	b.Location = 0
	var args []*pg.Node
	for _, a := range b.Args {
		a = c.expr(a, "")
		if inner := a.GetBoolExpr(); inner != nil && inner.Boolop == b.Boolop && b.Boolop != pg.BoolExprType_NOT_EXPR {
			args = append(args, inner.Args...)
			continue
		}
		args = append(args, a)
	}
	b.Args = args
	return &pg.Node{Node: &pg.Node_BoolExpr{BoolExpr: b}}
}

// mentionsColumn reports whether an expression refers to a column (outside
// subqueries), which keeps an IN item out of the ANY array.
func mentionsColumn(n *pg.Node) bool {
	found := false
	walk(n, func(m *pg.Node) bool {
		if m.GetColumnRef() != nil {
			found = true
		}
		return !found && m.GetSubLink() == nil
	})
	return found
}

// query canonicalizes every expression of a query.
func (c *canonicalizer) query(s *pg.SelectStmt) {
	if s == nil {
		return
	}
	if w := s.WithClause; w != nil {
		w.Location = 0
		for _, n := range w.Ctes {
			cte := n.GetCommonTableExpr()
			cte.Location = 0
			c.query(cte.Ctequery.GetSelectStmt())
		}
	}
	c.query(s.Larg)
	c.query(s.Rarg)
	for _, t := range s.TargetList {
		rt := t.GetResTarget()
		rt.Val = c.target(rt.Val)
		rt.Location = 0
	}
	for _, row := range s.ValuesLists {
		c.list(row.GetList().GetItems())
	}
	for _, f := range s.FromClause {
		c.fromItem(f)
	}
	s.WhereClause = c.expr(s.WhereClause, "")
	c.list(s.GroupClause)
	s.HavingClause = c.expr(s.HavingClause, "")
	for i, d := range s.DistinctClause {
		if d != nil && d.Node != nil {
			s.DistinctClause[i] = c.expr(d, "")
		}
	}
	c.sortList(s.SortClause)
	for _, w := range s.WindowClause {
		wd := w.GetWindowDef()
		c.list(wd.PartitionClause)
		c.sortList(wd.OrderClause)
	}
	s.LimitCount = c.expr(s.LimitCount, "")
	s.LimitOffset = c.expr(s.LimitOffset, "")
}

// target canonicalizes an output column of a query. A cast of a column
// reference is kept there, where expr drops it: it sets the column's type
// (SELECT v::text AS v is not SELECT v), while inside an expression it is
// mostly the server's spelling of an implicit coercion. Where the server
// adds one at the top (the first branch of a UNION over columns of
// different types), the readers disagree and package settle asks the
// server.
func (c *canonicalizer) target(n *pg.Node) *pg.Node {
	if tc := n.GetTypeCast(); tc != nil && columnValue(n) {
		tc.Location = 0
		return n
	}
	if tn := constType(n); tn != nil {
		// A constant's type is the column's too: 5, '5'::text and 5.0 are
		// three columns. The server prints a string constant's type
		// ('a'::text), a number's as the literal implies.
		t, err := c.ns.TypeName(tn, ColumnType)
		if err == nil {
			return &pg.Node{Node: &pg.Node_TypeCast{TypeCast: &pg.TypeCast{Arg: c.expr(n, t), TypeName: tn, Location: -1}}}
		}
	}
	return c.expr(n, "")
}

// value canonicalizes an expression whose value is coerced to the type
// typ: a column's default or generated expression, a domain's default, a
// function argument's default. A constant written with a type other than
// typ (cast to it, or a bit string) keeps that type there, which the server stores
// and prints ('x'::character varying as a text column's default, (1)::bigint
// as an integer's, 'v'::character varying(5) as a varchar(10)'s); one of
// typ itself, or of its type without modifiers, is the column's own
// coercion and is dropped. For a type autogen does not
// know the base of (a domain: the server coerces to its base type first),
// the general rule stands.
func (c *canonicalizer) value(n *pg.Node, typ string) *pg.Node {
	explicit := n.GetTypeCast() != nil
	if a := n.GetAConst(); a != nil {
		_, explicit = a.Val.(*pg.A_Const_Bsval)
	}
	tn := constType(n)
	if typ == "" || !explicit || tn == nil {
		return c.expr(n, typ)
	}
	if pt, err := pgsql.ParseType(typ); err != nil || !pt.Builtin() {
		return c.expr(n, typ)
	}
	t, err := c.ns.TypeName(tn, ColumnType)
	if err != nil || t == typ || pgsql.SameBase(t, typ) && !hasModifiers(t) {
		return c.expr(n, typ)
	}
	return &pg.Node{Node: &pg.Node_TypeCast{TypeCast: &pg.TypeCast{Arg: c.expr(n, t), TypeName: tn, Location: -1}}}
}

// hasModifiers reports whether a type's text carries modifiers
// (varchar(5), numeric(10,2)).
func hasModifiers(t string) bool {
	pt, err := pgsql.ParseType(t)
	return err == nil && (len(pt.Mods) > 0 || len(pt.TextMods) > 0)
}

// constType returns the type of a constant, possibly cast, as a query's
// output column has it: the outermost cast's, else the type the literal
// implies (a string is text, as the server resolves it in a view, a bit
// string bit). It returns nil for anything else, and for NULL, which keeps
// the general rule.
func constType(n *pg.Node) *pg.TypeName {
	if tc := n.GetTypeCast(); tc != nil {
		if constType(uncast(n)) == nil {
			return nil
		}
		return tc.TypeName
	}
	c := n.GetAConst()
	if c == nil || c.Isnull {
		return nil
	}
	var name string
	switch c.Val.(type) {
	case *pg.A_Const_Ival:
		name = "int4"
	case *pg.A_Const_Fval:
		name = "numeric"
	case *pg.A_Const_Sval:
		name = "text"
	case *pg.A_Const_Boolval:
		name = "bool"
	case *pg.A_Const_Bsval:
		name = "bit"
	default:
		return nil
	}
	return &pg.TypeName{Names: StringNodes("pg_catalog", name), Typemod: -1, Location: -1}
}

func (c *canonicalizer) fromItem(n *pg.Node) {
	switch v := n.Node.(type) {
	case *pg.Node_RangeVar:
		v.RangeVar.Location = 0
	case *pg.Node_JoinExpr:
		c.fromItem(v.JoinExpr.Larg)
		c.fromItem(v.JoinExpr.Rarg)
		v.JoinExpr.Quals = c.expr(v.JoinExpr.Quals, "")
	case *pg.Node_RangeSubselect:
		c.query(v.RangeSubselect.Subquery.GetSelectStmt())
	case *pg.Node_RangeFunction:
		// A function in FROM sees the items before it whether or not it
		// is marked LATERAL, and the server prints LATERAL exactly when
		// its arguments use them: the keyword changes nothing.
		v.RangeFunction.Lateral = false
		for _, f := range v.RangeFunction.Functions {
			c.list(f.GetList().GetItems()[:1])
		}
	}
}

// ErrFrozenLiteral marks an expression holding a constant PostgreSQL
// replaces by the moment it reads it ('now', 'today'): what it stores never
// reads back as the text, so no comparison could ever agree.
var ErrFrozenLiteral = errors.New("constant frozen at creation")

// LiteralError is an error about one constant of an expression, at its
// byte offset in the statement.
type LiteralError struct {
	Location int32
	err      error
}

// Error says what is wrong with the constant.
func (e *LiteralError) Error() string { return e.err.Error() }

// Unwrap returns the cause, such as ErrFrozenLiteral.
func (e *LiteralError) Unwrap() error { return e.err }

// frozenAdvice names the expression that means what a frozen constant was
// probably meant to say.
func frozenAdvice(typ, s string) string {
	switch v := strings.ToLower(strings.TrimSpace(s)); {
	case v == "now" && typ == "date":
		return "CURRENT_DATE"
	case v == "now":
		return "now()"
	case v == "today":
		return "CURRENT_DATE"
	case v == "tomorrow":
		return "CURRENT_DATE + 1"
	}
	return "CURRENT_DATE - 1"
}
