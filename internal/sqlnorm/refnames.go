package sqlnorm

import (
	"strconv"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// rtLevel holds the names of one query level's range items as PostgreSQL
// prints a view: pg_get_viewdef names every range item uniquely across the
// query and the queries around it (ruleutils.c, set_rtable_names), so
// that in
//
//	SELECT * FROM orders WHERE id IN (SELECT id FROM orders WHERE ...)
//
// the inner orders is printed as orders orders_1, and its columns as
// orders_1.id. A query as written reads alike only once named the same
// way.
type rtLevel struct {
	parent *rtLevel
	// printed are this level's names as printed.
	printed map[string]bool
	// written are this level's names as written; renamed maps those
	// printed otherwise to their printed names.
	written map[string]bool
	renamed map[string]string
}

// uniqueRefnames names the range items of a qualified query (and of the
// queries in it) as pg_get_viewdef does, and rewrites the column
// references that use a changed name. It modifies s.
func uniqueRefnames(s *pg.SelectStmt) { (&rtLevel{}).query(s) }

// taken reports whether a name is printed at this level or one around it.
func (l *rtLevel) taken(name string) bool {
	for x := l; x != nil; x = x.parent {
		if x.printed[name] {
			return true
		}
	}
	return false
}

// add records a range item's name and returns the name it is printed
// with: the name itself, or, when that is taken, the name with the first
// free suffix _1, _2, ...
func (l *rtLevel) add(name string) string {
	printed := name
	if l.taken(name) {
		for i := 1; ; i++ {
			printed = name + "_" + strconv.Itoa(i)
			if !l.taken(printed) {
				break
			}
		}
		l.renamed[name] = printed
	}
	l.written[name] = true
	l.printed[printed] = true
	return printed
}

// lookup returns the printed name of the range item a column reference's
// qualifier names: the innermost level that has an item written so.
func (l *rtLevel) lookup(name string) (string, bool) {
	for x := l; x != nil; x = x.parent {
		if x.written[name] {
			nn, ok := x.renamed[name]
			return nn, ok
		}
	}
	return "", false
}

// query names one query level's range items, in the order PostgreSQL adds
// them, then the queries below it (the WITH clause's, subqueries in FROM
// and in expressions), which see this level's names as taken, and
// rewrites the column references.
func (l *rtLevel) query(s *pg.SelectStmt) {
	if s == nil {
		return
	}
	lv := &rtLevel{parent: l, printed: map[string]bool{}, written: map[string]bool{}, renamed: map[string]string{}}
	if l.printed == nil {
		// The outermost call's receiver only anchors the chain.
		lv.parent = nil
	}
	for _, f := range s.FromClause {
		lv.name(f)
	}
	if w := s.WithClause; w != nil {
		for _, c := range w.Ctes {
			lv.query(c.GetCommonTableExpr().GetCtequery().GetSelectStmt())
		}
	}
	if s.Larg != nil {
		// The arms of a set operation are queries below it.
		lv.query(s.Larg)
		lv.query(s.Rarg)
	}
	for _, f := range s.FromClause {
		lv.fromChildren(f)
	}
	for _, n := range s.TargetList {
		lv.exprs(n)
	}
	lv.exprs(s.WhereClause)
	for _, list := range [][]*pg.Node{s.GroupClause, s.DistinctClause, s.SortClause, s.WindowClause, s.ValuesLists} {
		for _, n := range list {
			lv.exprs(n)
		}
	}
	lv.exprs(s.HavingClause)
	lv.exprs(s.LimitCount)
	lv.exprs(s.LimitOffset)
}

// name names the range items of one FROM item: a join's after its inputs'.
func (l *rtLevel) name(n *pg.Node) {
	switch v := n.Node.(type) {
	case *pg.Node_RangeVar:
		rv := v.RangeVar
		if rv.Alias != nil {
			rv.Alias.Aliasname = l.add(rv.Alias.Aliasname)
		} else if p := l.add(rv.Relname); p != rv.Relname {
			rv.Alias = &pg.Alias{Aliasname: p}
		}
	case *pg.Node_RangeSubselect:
		if a := v.RangeSubselect.Alias; a != nil {
			a.Aliasname = l.add(a.Aliasname)
		}
	case *pg.Node_RangeFunction:
		if a := v.RangeFunction.Alias; a != nil {
			a.Aliasname = l.add(a.Aliasname)
		}
	case *pg.Node_JoinExpr:
		l.name(v.JoinExpr.Larg)
		l.name(v.JoinExpr.Rarg)
		if a := v.JoinExpr.Alias; a != nil {
			a.Aliasname = l.add(a.Aliasname)
		}
	}
}

// fromChildren visits what a FROM item holds: subqueries, the arguments
// of functions, join conditions.
func (l *rtLevel) fromChildren(n *pg.Node) {
	switch v := n.Node.(type) {
	case *pg.Node_RangeSubselect:
		l.query(v.RangeSubselect.Subquery.GetSelectStmt())
	case *pg.Node_RangeFunction:
		for _, f := range v.RangeFunction.Functions {
			l.exprs(f)
		}
	case *pg.Node_JoinExpr:
		l.fromChildren(v.JoinExpr.Larg)
		l.fromChildren(v.JoinExpr.Rarg)
		l.exprs(v.JoinExpr.Quals)
	}
}

// exprs rewrites the column references of an expression and names the
// queries in it.
func (l *rtLevel) exprs(n *pg.Node) {
	walk(n, func(n *pg.Node) bool {
		switch v := n.Node.(type) {
		case *pg.Node_ColumnRef:
			f := v.ColumnRef.Fields
			if len(f) >= 2 && f[0].GetString_() != nil {
				if p, ok := l.lookup(f[0].GetString_().Sval); ok {
					f[0] = StringNodes(p)[0]
				}
			}
			return false
		case *pg.Node_SelectStmt:
			l.query(v.SelectStmt)
			return false
		}
		return true
	})
}
