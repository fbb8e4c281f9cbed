package sqlnorm

import (
	pg "github.com/pganalyze/pg_query_go/v5"
)

// each prints the nodes with fn, separated by commas.
func (p *printer) each(nodes []*pg.Node, fn func(*pg.Node)) {
	for i, n := range nodes {
		if i > 0 {
			p.str(", ")
		}
		fn(n)
	}
}

// selectStmt prints a query. Set-operation arms are parenthesized, like
// every other compound part, so precedence never matters.
func (p *printer) selectStmt(s *pg.SelectStmt) {
	if s.IntoClause != nil || len(s.LockingClause) > 0 {
		p.fail(errNoPrinter)
		return
	}
	if w := s.WithClause; w != nil {
		p.str("WITH ")
		if w.Recursive {
			p.str("RECURSIVE ")
		}
		p.each(w.Ctes, func(n *pg.Node) { p.cte(n.GetCommonTableExpr()) })
		p.str(" ")
	}
	switch {
	case s.Op != pg.SetOperation_SETOP_NONE && s.Op != pg.SetOperation_SET_OPERATION_UNDEFINED:
		p.str("(")
		p.selectStmt(s.Larg)
		p.str(") ")
		p.str(map[pg.SetOperation]string{pg.SetOperation_SETOP_UNION: "UNION",
			pg.SetOperation_SETOP_INTERSECT: "INTERSECT", pg.SetOperation_SETOP_EXCEPT: "EXCEPT"}[s.Op])
		if s.All {
			p.str(" ALL")
		}
		p.str(" (")
		p.selectStmt(s.Rarg)
		p.str(")")
	case len(s.ValuesLists) > 0:
		p.str("VALUES ")
		p.each(s.ValuesLists, p.expr)
	default:
		p.selectCore(s)
	}
	if len(s.SortClause) > 0 {
		p.str(" ORDER BY ")
		p.sortList(s.SortClause)
	}
	if s.LimitCount != nil {
		if s.LimitOption == pg.LimitOption_LIMIT_OPTION_WITH_TIES {
			p.str(" FETCH FIRST ")
			p.operand(s.LimitCount)
			p.str(" ROWS WITH TIES")
		} else {
			p.str(" LIMIT ")
			p.expr(s.LimitCount)
		}
	}
	if s.LimitOffset != nil {
		p.str(" OFFSET ")
		p.expr(s.LimitOffset)
	}
}

func (p *printer) selectCore(s *pg.SelectStmt) {
	p.str("SELECT")
	if len(s.DistinctClause) > 0 {
		p.str(" DISTINCT")
		// A DISTINCT without ON is a list holding one nil node.
		if s.DistinctClause[0] != nil && s.DistinctClause[0].Node != nil {
			p.str(" ON (")
			p.list(s.DistinctClause, ", ")
			p.str(")")
		}
	}
	for i, t := range s.TargetList {
		if i > 0 {
			p.str(",")
		}
		p.str(" ")
		rt := t.GetResTarget()
		p.expr(rt.Val)
		if rt.Name != "" {
			p.str(" AS ")
			p.ident(rt.Name)
		}
	}
	if len(s.FromClause) > 0 {
		p.str(" FROM ")
		p.each(s.FromClause, p.fromItem)
	}
	if s.WhereClause != nil {
		p.str(" WHERE ")
		p.expr(s.WhereClause)
	}
	if len(s.GroupClause) > 0 {
		p.str(" GROUP BY ")
		if s.GroupDistinct {
			p.str("DISTINCT ")
		}
		p.each(s.GroupClause, p.groupItem)
	}
	if s.HavingClause != nil {
		p.str(" HAVING ")
		p.expr(s.HavingClause)
	}
	if len(s.WindowClause) > 0 {
		p.str(" WINDOW ")
		for i, w := range s.WindowClause {
			if i > 0 {
				p.str(", ")
			}
			wd := w.GetWindowDef()
			p.ident(wd.Name)
			p.str(" AS ")
			p.windowDef(wd)
		}
	}
}

func (p *printer) groupItem(n *pg.Node) {
	gs := n.GetGroupingSet()
	if gs == nil {
		p.expr(n)
		return
	}
	switch gs.Kind {
	case pg.GroupingSetKind_GROUPING_SET_EMPTY:
		p.str("()")
	case pg.GroupingSetKind_GROUPING_SET_SIMPLE:
		p.str("(")
		p.list(gs.Content, ", ")
		p.str(")")
	case pg.GroupingSetKind_GROUPING_SET_ROLLUP, pg.GroupingSetKind_GROUPING_SET_CUBE, pg.GroupingSetKind_GROUPING_SET_SETS:
		p.str(map[pg.GroupingSetKind]string{pg.GroupingSetKind_GROUPING_SET_ROLLUP: "ROLLUP(",
			pg.GroupingSetKind_GROUPING_SET_CUBE: "CUBE(", pg.GroupingSetKind_GROUPING_SET_SETS: "GROUPING SETS ("}[gs.Kind])
		p.each(gs.Content, p.groupItem)
		p.str(")")
	default:
		p.fail(errNoPrinter)
	}
}

func (p *printer) cte(c *pg.CommonTableExpr) {
	if c == nil || c.SearchClause != nil || c.CycleClause != nil {
		p.fail(errNoPrinter)
		return
	}
	p.ident(c.Ctename)
	if len(c.Aliascolnames) > 0 {
		p.str("(")
		p.identList(c.Aliascolnames)
		p.str(")")
	}
	p.str(" AS ")
	switch c.Ctematerialized {
	case pg.CTEMaterialize_CTEMaterializeAlways:
		p.str("MATERIALIZED ")
	case pg.CTEMaterialize_CTEMaterializeNever:
		p.str("NOT MATERIALIZED ")
	}
	p.str("(")
	p.expr(c.Ctequery)
	p.str(")")
}

func (p *printer) identList(nodes []*pg.Node) {
	for i, s := range Strings(nodes) {
		if i > 0 {
			p.str(", ")
		}
		p.ident(s)
	}
}

func (p *printer) alias(a *pg.Alias) {
	if a == nil {
		return
	}
	p.str(" ")
	p.ident(a.Aliasname)
	if len(a.Colnames) > 0 {
		p.str("(")
		p.identList(a.Colnames)
		p.str(")")
	}
}

func (p *printer) fromItem(n *pg.Node) {
	switch v := n.Node.(type) {
	case *pg.Node_RangeVar:
		p.rangeVar(v.RangeVar)
		p.alias(v.RangeVar.Alias)
	case *pg.Node_JoinExpr:
		j := v.JoinExpr
		p.str("(")
		p.fromItem(j.Larg)
		if j.IsNatural {
			p.str(" NATURAL")
		}
		switch {
		case j.Jointype == pg.JoinType_JOIN_LEFT:
			p.str(" LEFT JOIN ")
		case j.Jointype == pg.JoinType_JOIN_RIGHT:
			p.str(" RIGHT JOIN ")
		case j.Jointype == pg.JoinType_JOIN_FULL:
			p.str(" FULL JOIN ")
		case j.Quals == nil && len(j.UsingClause) == 0 && !j.IsNatural:
			p.str(" CROSS JOIN ")
		default:
			p.str(" JOIN ")
		}
		p.fromItem(j.Rarg)
		if len(j.UsingClause) > 0 {
			p.str(" USING (")
			p.identList(j.UsingClause)
			p.str(")")
			if j.JoinUsingAlias != nil {
				p.str(" AS")
				p.alias(j.JoinUsingAlias)
			}
		} else if j.Quals != nil {
			p.str(" ON ")
			p.expr(j.Quals)
		}
		p.str(")")
		p.alias(j.Alias)
	case *pg.Node_RangeSubselect:
		if v.RangeSubselect.Lateral {
			p.str("LATERAL ")
		}
		p.str("(")
		p.expr(v.RangeSubselect.Subquery)
		p.str(")")
		p.alias(v.RangeSubselect.Alias)
	case *pg.Node_RangeFunction:
		p.rangeFunction(v.RangeFunction)
	default:
		p.fail(errNoPrinter)
	}
}

func (p *printer) rangeVar(rv *pg.RangeVar) {
	if !rv.Inh {
		p.str("ONLY ")
	}
	if rv.Schemaname != "" {
		p.ident(rv.Schemaname)
		p.str(".")
	}
	p.ident(rv.Relname)
}

func (p *printer) rangeFunction(rf *pg.RangeFunction) {
	if rf.Lateral {
		p.str("LATERAL ")
	}
	if rf.IsRowsfrom {
		p.str("ROWS FROM(")
	}
	for i, f := range rf.Functions {
		if i > 0 {
			p.str(", ")
		}
		// Each item is a two-element list: the call and its column
		// definitions, which only ROWS FROM gives each function.
		items := f.GetList().GetItems()
		if len(items) == 0 {
			p.fail(errNoPrinter)
			return
		}
		p.expr(items[0])
		if len(items) > 1 && items[1] != nil && items[1].Node != nil {
			p.str(" AS ")
			p.columnDefs(items[1].GetList().GetItems())
		}
	}
	if rf.IsRowsfrom {
		p.str(")")
	}
	if rf.Ordinality {
		p.str(" WITH ORDINALITY")
	}
	p.alias(rf.Alias)
	if len(rf.Coldeflist) > 0 {
		p.columnDefs(rf.Coldeflist)
	}
}

// columnDefs prints a column definition list of a function in FROM:
// (a integer, b text COLLATE "C").
func (p *printer) columnDefs(defs []*pg.Node) {
	p.str("(")
	for i, d := range defs {
		cd := d.GetColumnDef()
		if cd == nil {
			p.fail(errNoPrinter)
			return
		}
		if i > 0 {
			p.str(", ")
		}
		p.ident(cd.Colname)
		p.str(" ")
		p.typeName(cd.TypeName)
		if cd.CollClause != nil {
			p.str(" COLLATE ")
			p.qualified(cd.CollClause.Collname)
		}
	}
	p.str(")")
}
