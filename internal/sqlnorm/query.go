package sqlnorm

import (
	"strconv"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/autogen-dev/autogen/model"
)

// A query is rewritten to the shape pg_get_viewdef prints it in, so that a
// view read from SQL files and the same view read back from the catalog
// normalize alike:
//
//   - relations are schema-qualified, column references carry the name of
//     the range item they come from (its alias, else the relation name);
//   - "*" and "t.*" in the select list are expanded;
//   - every output column gets an explicit name;
//   - ORDER BY and GROUP BY positions and output-name references are
//     replaced by the expressions they stand for (constants and set
//     operations keep positions, as PostgreSQL prints them);
//   - NATURAL joins become USING joins; function range items get their
//     column aliases.

// colRef is one column visible in a FROM item: the range item's name and
// the column's, and for a column of a relation, the relation and the
// column's name there (a column alias may rename it).
type colRef struct {
	ref, name string
	rel       model.Name
	relCol    string
}

// leaf is a range item with a name: a relation, subquery, function or CTE.
type leaf struct {
	refname string
	// rel is the relation of a relation item.
	rel model.Name
	// known is false when the item's columns cannot be determined (a
	// relation the namespace does not describe).
	known bool
}

// qscope is the FROM clause of one query level.
type qscope struct {
	parent *qscope
	q      *qualifier
	ctes   map[string][]string
	// items holds the columns of each top-level FROM item, in order.
	items  [][]colRef
	leaves []*leaf
	// renamedRefs maps the old name of a range item to its new one, when
	// a rename changes a relation named without an alias.
	renamedRefs map[string]string
}

// newRefname returns the name a range item is referred to by after the
// renames, looking outwards through enclosing queries.
func (sc *qscope) newRefname(ref string) string {
	for s := sc; s != nil; s = s.parent {
		if nr, ok := s.renamedRefs[ref]; ok {
			return nr
		}
	}
	return ref
}

func (sc *qscope) cte(name string) ([]string, bool) {
	for s := sc; s != nil; s = s.parent {
		if cols, ok := s.ctes[name]; ok {
			return cols, true
		}
	}
	return nil, false
}

// resolve returns the range item an unqualified column belongs to, looking
// outwards through enclosing queries; "" when unknown.
func (sc *qscope) resolve(col string) string {
	for s := sc; s != nil; s = s.parent {
		for _, item := range s.items {
			for _, c := range item {
				if c.name == col {
					return c.ref
				}
			}
		}
		var unknown []*leaf
		for _, l := range s.leaves {
			if !l.known {
				unknown = append(unknown, l)
			}
		}
		if len(unknown) == 1 {
			return unknown[0].refname
		}
	}
	return ""
}

// hasItem reports whether a range item of that name is visible here.
func (sc *qscope) hasItem(name string) bool {
	for s := sc; s != nil; s = s.parent {
		for _, l := range s.leaves {
			if l.refname == name {
				return true
			}
		}
	}
	return false
}

func (sc *qscope) columnRef(cr *pg.ColumnRef) error {
	f := cr.Fields
	if len(f) == 0 || f[len(f)-1].GetAStar() != nil {
		return nil
	}
	col := f[len(f)-1].GetString_().GetSval()
	var c *colRef
	switch len(f) {
	case 1:
		ref := sc.resolve(col)
		if ref == "" && sc.hasItem(col) {
			// A range item's name as a value is its whole row, which
			// the server prints as item.*; a column of that name would
			// have won.
			cr.Fields = append(f, &pg.Node{Node: &pg.Node_AStar{AStar: &pg.A_Star{}}})
			return nil
		}
		if ref != "" {
			cr.Fields = append(StringNodes(ref), f...)
		}
		c = sc.recordColumn(ref, col)
	case 2:
		ref := sc.newRefname(f[0].GetString_().GetSval())
		if sc.q.ren != nil {
			cr.Fields[0] = StringNodes(ref)[0]
		}
		c = sc.recordColumn(ref, col)
	case 3:
		// schema.table.column: PostgreSQL prints the range item's name.
		ref := sc.newRefname(f[1].GetString_().GetSval())
		cr.Fields = append(StringNodes(ref), f[2])
		c = sc.recordColumn(ref, col)
	}
	if sc.q.ren != nil {
		switch {
		case c != nil && c.relCol != "":
			sc.q.ren.columnField(cr, c.rel, c.relCol)
		case c == nil:
			sc.q.ren.columnField(cr, sc.q.ren.owner, col)
		}
	}
	return nil
}

// recordColumn records the relation column that the column col of range
// item ref stands for. A column of a subquery, function or CTE is not a
// relation's (the query inside records its own references); a name found
// in no scope is a column of the expression's own table (a policy's
// subquery may name the policy's table's columns).
func (sc *qscope) recordColumn(ref, col string) *colRef {
	for s := sc; s != nil; s = s.parent {
		for _, item := range s.items {
			for i, c := range item {
				if (ref == "" || c.ref == ref) && c.name == col {
					if c.relCol != "" {
						sc.q.column(c.rel, c.relCol)
					}
					return &item[i]
				}
			}
		}
		for _, l := range s.leaves {
			if l.refname == ref || ref == "" && !l.known {
				if l.rel.Name != "" {
					sc.q.column(l.rel, col)
				}
				return &colRef{ref: l.refname, name: col, rel: l.rel, relCol: col}
			}
		}
	}
	// Not found in any scope: a column of the expression's own table,
	// named bare or by the table's name (a policy's subquery may say
	// accounts.id).
	sc.q.column(model.Name{}, col)
	return nil
}

// query rewrites a query in place and returns its output column names.
// nameArms gives the select lists of a set operation's arms the result's
// column names.
func nameArms(s *pg.SelectStmt, names []string) {
	if s.Larg != nil {
		nameArms(s.Larg, names)
		nameArms(s.Rarg, names)
		return
	}
	for i, t := range s.TargetList {
		if i < len(names) {
			t.GetResTarget().Name = names[i]
		}
	}
}

func (q *qualifier) query(s *pg.SelectStmt, parent *qscope) ([]string, error) {
	sc := &qscope{parent: parent, q: q, ctes: map[string][]string{}}
	if w := s.WithClause; w != nil {
		for _, n := range w.Ctes {
			if err := sc.addCTE(n.GetCommonTableExpr(), w.Recursive); err != nil {
				return nil, err
			}
		}
	}
	if s.Op != pg.SetOperation_SETOP_NONE && s.Op != pg.SetOperation_SET_OPERATION_UNDEFINED {
		names, err := q.query(s.Larg, sc)
		if err != nil {
			return nil, err
		}
		if _, err := q.query(s.Rarg, sc); err != nil {
			return nil, err
		}
		// pg_get_viewdef names every arm's columns after the result's at
		// the top of a view's query only: it prints a CTE's or a
		// subquery's arms with the names they give themselves.
		// Every arm but the leftmost, however deep in the tree of set
		// operations, is named.
		if parent == nil {
			for l := s; l.Larg != nil; l = l.Larg {
				nameArms(l.Rarg, names)
			}
		}
		for _, n := range s.SortClause {
			sb := n.GetSortBy()
			if cr := sb.Node.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
				if i := indexOf(names, cr.Fields[0].GetString_().GetSval()); i >= 0 {
					sb.Node = intConst(i + 1)
				}
			}
		}
		return names, nil
	}
	if len(s.ValuesLists) > 0 {
		var names []string
		for _, row := range s.ValuesLists {
			items := row.GetList().GetItems()
			if err := q.list(items, sc); err != nil {
				return nil, err
			}
			for len(names) < len(items) {
				names = append(names, "column"+strconv.Itoa(len(names)+1))
			}
		}
		return names, nil
	}
	for _, f := range s.FromClause {
		cols, err := sc.fromItem(f)
		if err != nil {
			return nil, err
		}
		sc.items = append(sc.items, cols)
	}
	names, err := sc.targets(s)
	if err != nil {
		return nil, err
	}
	if err := q.expr(s.WhereClause, sc); err != nil {
		return nil, err
	}
	if s.GroupClause, err = q.groupItems(s.GroupClause, s.TargetList, sc, groupTop); err != nil {
		return nil, err
	}
	if err := q.expr(s.HavingClause, sc); err != nil {
		return nil, err
	}
	for i, d := range s.DistinctClause {
		if d != nil && d.Node != nil {
			s.DistinctClause[i] = sc.outputRef(d, s.TargetList, true)
			if err := q.expr(s.DistinctClause[i], sc); err != nil {
				return nil, err
			}
		}
	}
	for _, n := range s.SortClause {
		sb := n.GetSortBy()
		sb.Node = sc.outputRef(sb.Node, s.TargetList, true)
		if err := q.expr(n, sc); err != nil {
			return nil, err
		}
	}
	for _, w := range s.WindowClause {
		wd := w.GetWindowDef()
		if err := q.list(wd.PartitionClause, sc); err != nil {
			return nil, err
		}
		if err := q.list(wd.OrderClause, sc); err != nil {
			return nil, err
		}
	}
	if err := q.expr(s.LimitCount, sc); err != nil {
		return nil, err
	}
	return names, q.expr(s.LimitOffset, sc)
}

func (sc *qscope) addCTE(c *pg.CommonTableExpr, recursive bool) error {
	sel := c.Ctequery.GetSelectStmt()
	if sel == nil {
		return &UnsupportedError{What: "a data-modifying WITH query", Location: c.Location}
	}
	alias := Strings(c.Aliascolnames)
	if recursive && len(alias) > 0 {
		sc.ctes[c.Ctename] = alias
	}
	if recursive && sel.Larg != nil && len(alias) == 0 {
		// The recursive arm refers to the CTE, whose columns come from the
		// first arm.
		names, err := sc.q.query(sel.Larg, sc)
		if err != nil {
			return err
		}
		sc.ctes[c.Ctename] = names
		if _, err := sc.q.query(sel.Rarg, sc); err != nil {
			return err
		}
		return nil
	}
	names, err := sc.q.query(sel, sc)
	if err != nil {
		return err
	}
	sc.ctes[c.Ctename] = renamed(names, alias)
	return nil
}

// renamed applies a column alias list to the first columns.
func renamed(cols, alias []string) []string {
	out := append([]string(nil), cols...)
	for i, a := range alias {
		if i < len(out) {
			out[i] = a
		} else {
			out = append(out, a)
		}
	}
	return out
}

func (sc *qscope) addLeaf(refname string, cols []string, known bool) []colRef {
	sc.leaves = append(sc.leaves, &leaf{refname: refname, known: known})
	out := make([]colRef, len(cols))
	for i, c := range cols {
		out[i] = colRef{ref: refname, name: c}
	}
	return out
}

// addRelation adds a relation range item whose columns are relCols,
// renamed by alias.
func (sc *qscope) addRelation(refname string, rel model.Name, relCols, alias []string, known bool) []colRef {
	sc.leaves = append(sc.leaves, &leaf{refname: refname, rel: rel, known: known})
	cols := renamed(relCols, alias)
	out := make([]colRef, len(cols))
	for i, c := range cols {
		out[i] = colRef{ref: refname, name: c, rel: rel}
		if i < len(relCols) {
			out[i].relCol = relCols[i]
		}
	}
	return out
}

// fromItem qualifies one FROM item and returns the columns it provides.
func (sc *qscope) fromItem(n *pg.Node) ([]colRef, error) {
	q := sc.q
	switch v := n.Node.(type) {
	case *pg.Node_RangeVar:
		rv := v.RangeVar
		refname := rv.Relname
		if rv.Alias != nil {
			refname = rv.Alias.Aliasname
		}
		alias := Strings(rv.Alias.GetColnames())
		if rv.Schemaname == "" {
			if cols, ok := sc.cte(rv.Relname); ok {
				return sc.addLeaf(refname, renamed(cols, alias), true), nil
			}
			s, ok := q.ns.Resolve(KindRelation, rv.Relname)
			if !ok {
				return nil, &UnknownError{Kind: KindRelation, Name: rv.Relname, Location: rv.Location}
			}
			rv.Schemaname = s
		}
		rv.Catalogname = ""
		q.ref(model.RefRelation, rv.Schemaname, rv.Relname)
		rel := model.Name{Schema: rv.Schemaname, Name: rv.Relname}
		var cols []string
		known := false
		if q.ns.Columns != nil {
			cols, known = q.ns.Columns(rel)
		}
		if q.ren != nil {
			q.ren.relation(rv)
			if rv.Alias == nil && rv.Relname != refname {
				if sc.renamedRefs == nil {
					sc.renamedRefs = map[string]string{}
				}
				sc.renamedRefs[refname] = rv.Relname
				refname = rv.Relname
			}
		}
		if rv.Schemaname == "pg_catalog" {
			rv.Schemaname = ""
			rel = model.Name{}
		}
		return sc.addRelation(refname, rel, cols, alias, known), nil
	case *pg.Node_RangeSubselect:
		sel := v.RangeSubselect.Subquery.GetSelectStmt()
		if sel == nil || v.RangeSubselect.Alias == nil {
			return nil, &UnsupportedError{What: "this subquery in FROM", Location: -1}
		}
		names, err := q.query(sel, sc)
		if err != nil {
			return nil, err
		}
		a := v.RangeSubselect.Alias
		return sc.addLeaf(a.Aliasname, renamed(names, Strings(a.Colnames)), true), nil
	case *pg.Node_RangeFunction:
		return sc.rangeFunction(v.RangeFunction)
	case *pg.Node_JoinExpr:
		return sc.join(v.JoinExpr)
	}
	return nil, &UnsupportedError{What: "this FROM item", Location: -1}
}

func (sc *qscope) rangeFunction(rf *pg.RangeFunction) ([]colRef, error) {
	// Each function gives the columns of its column definition list
	// (AS x(a int, b text), or AS (a int) inside ROWS FROM), else its
	// result columns when they are known, else one column.
	var result []string
	scalar := false
	var first []string
	for i, f := range rf.Functions {
		items := f.GetList().GetItems()
		call := items[0]
		if err := sc.q.expr(call, sc); err != nil {
			return nil, err
		}
		fn := call.GetFuncCall()
		if fn == nil {
			return nil, &UnsupportedError{What: "this function in FROM", Location: -1}
		}
		names := Strings(fn.Funcname)
		if i == 0 {
			first = names
		}
		defs := rf.Coldeflist
		if rf.IsRowsfrom {
			defs = nil
			if len(items) > 1 {
				defs = items[1].GetList().GetItems()
			}
		}
		if len(defs) > 0 {
			for _, d := range defs {
				cd := d.GetColumnDef()
				if cd == nil {
					return nil, &UnsupportedError{What: "this column definition list in FROM", Location: -1}
				}
				sc.q.typeName(cd.TypeName)
				if cd.CollClause != nil {
					sc.q.collation(&cd.CollClause.Collname)
				}
				result = append(result, cd.Colname)
			}
			continue
		}
		if cols, ok := sc.q.functionColumns(names); ok {
			result = append(result, cols...)
			continue
		}
		result = append(result, names[len(names)-1])
		scalar = len(rf.Functions) == 1
	}
	if rf.Alias == nil {
		rf.Alias = &pg.Alias{Aliasname: first[len(first)-1]}
	}
	cols := Strings(rf.Alias.Colnames)
	if scalar {
		// A function returning a scalar (or one whose columns are not
		// known) gives one column named after the alias, or as the
		// alias list names them.
		result = []string{rf.Alias.Aliasname}
	}
	if len(cols) < len(result) {
		cols = append(cols, result[len(cols):]...)
	}
	if rf.Ordinality && len(cols) == len(result) {
		cols = append(cols, "ordinality")
	}
	if len(rf.Coldeflist) == 0 {
		// PostgreSQL prints the column alias list; a column definition
		// list names the columns itself.
		rf.Alias.Colnames = StringNodes(cols...)
	}
	return sc.addLeaf(rf.Alias.Aliasname, cols, true), nil
}

// functionColumns returns the result columns of the function a call in
// FROM names: a schema's function's (see Namespace.FunctionColumns), or a
// built-in one's with OUT parameters.
func (q *qualifier) functionColumns(names []string) ([]string, bool) {
	var n model.Name
	switch len(names) {
	case 1:
		s, ok := q.ns.Resolve(KindFunction, names[0])
		if !ok || s == "pg_catalog" {
			return builtinFunctionColumns(names[0])
		}
		n = model.Name{Schema: s, Name: names[0]}
	case 2:
		if names[0] == "pg_catalog" {
			return builtinFunctionColumns(names[1])
		}
		n = model.Name{Schema: names[0], Name: names[1]}
	default:
		return nil, false
	}
	if q.ns.FunctionColumns == nil {
		return nil, false
	}
	return q.ns.FunctionColumns(n)
}

func (sc *qscope) join(j *pg.JoinExpr) ([]colRef, error) {
	left, err := sc.fromItem(j.Larg)
	if err != nil {
		return nil, err
	}
	right, err := sc.fromItem(j.Rarg)
	if err != nil {
		return nil, err
	}
	if j.IsNatural {
		var common []string
		for _, l := range left {
			for _, r := range right {
				if l.name == r.name && indexOf(common, l.name) < 0 {
					common = append(common, l.name)
				}
			}
		}
		j.IsNatural = false
		j.UsingClause = StringNodes(common...)
	}
	// USING columns appear once, first; the merged value is the left
	// input's, or the right input's for a right join. Both inputs' columns
	// are read.
	var cols []colRef
	using := Strings(j.UsingClause)
	for _, side := range [][]colRef{left, right} {
		for _, c := range side {
			if indexOf(using, c.name) >= 0 && c.relCol != "" {
				sc.q.column(c.rel, c.relCol)
			}
		}
	}
	for _, u := range using {
		side := left
		if j.Jointype == pg.JoinType_JOIN_RIGHT {
			side = right
		}
		for _, c := range side {
			if c.name == u {
				cols = append(cols, c)
				break
			}
		}
	}
	for _, c := range append(append([]colRef(nil), left...), right...) {
		if indexOf(using, c.name) < 0 {
			cols = append(cols, c)
		}
	}
	if j.Alias != nil {
		alias := Strings(j.Alias.Colnames)
		for i := range cols {
			cols[i].ref = j.Alias.Aliasname
			if i < len(alias) {
				cols[i].name = alias[i]
			}
		}
		sc.leaves = append(sc.leaves, &leaf{refname: j.Alias.Aliasname, known: true})
	}
	// ON is resolved against the join's own inputs, which are all in scope.
	saved := sc.items
	sc.items = append(append([][]colRef(nil), saved...), cols)
	err = sc.q.expr(j.Quals, sc)
	sc.items = saved
	return cols, err
}

// targets expands stars, qualifies the select list and names every output
// column.
func (sc *qscope) targets(s *pg.SelectStmt) ([]string, error) {
	var out []*pg.Node
	var names []string
	for _, t := range s.TargetList {
		rt := t.GetResTarget()
		if cr := rt.Val.GetColumnRef(); cr != nil && cr.Fields[len(cr.Fields)-1].GetAStar() != nil {
			cols, err := sc.star(cr)
			if err != nil {
				return nil, err
			}
			for _, c := range cols {
				if c.relCol != "" {
					sc.q.column(c.rel, c.relCol)
				}
				out = append(out, &pg.Node{Node: &pg.Node_ResTarget{ResTarget: &pg.ResTarget{
					Name: c.name, Val: columnRefNode(c.ref, c.name), Location: -1}}})
				names = append(names, c.name)
			}
			continue
		}
		if rt.Name == "" {
			rt.Name = FigureColname(rt.Val)
		}
		if err := sc.q.expr(rt.Val, sc); err != nil {
			return nil, err
		}
		out = append(out, t)
		names = append(names, rt.Name)
	}
	s.TargetList = out
	return names, nil
}

func (sc *qscope) star(cr *pg.ColumnRef) ([]colRef, error) {
	if len(cr.Fields) == 1 {
		var all []colRef
		for _, item := range sc.items {
			all = append(all, item...)
		}
		for _, l := range sc.leaves {
			if !l.known {
				return nil, &UnsupportedError{What: "* over " + l.refname + ", whose columns are not known", Location: cr.Location}
			}
		}
		return all, nil
	}
	ref := cr.Fields[len(cr.Fields)-2].GetString_().GetSval()
	var out []colRef
	for _, item := range sc.items {
		for _, c := range item {
			if c.ref == ref {
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		return nil, &UnsupportedError{What: ref + ".*, whose columns are not known", Location: cr.Location}
	}
	return out, nil
}

// groupLevel is where a GROUP BY item stands: at the top of the list,
// among the sets of GROUPING SETS, or inside ROLLUP, CUBE or a set of
// columns.
type groupLevel int

const (
	groupTop groupLevel = iota
	groupSets
	groupInner
)

// groupItems reshapes a GROUP BY list the way PostgreSQL's parser does
// (flatten_grouping_sets), so that the list reads alike however it was
// written, and resolves and qualifies its expressions. A parenthesized
// list (a, b) is a row only to the grammar: at the top it stands for its
// columns, elsewhere for a set of columns, and the canonical form, which
// prints rows as ROW(...), would give it another meaning. GROUPING SETS
// directly inside GROUPING SETS contribute their sets, and a set of
// columns inside another its columns.
func (q *qualifier) groupItems(items, targets []*pg.Node, sc *qscope, level groupLevel) ([]*pg.Node, error) {
	out := make([]*pg.Node, 0, len(items))
	for _, n := range items {
		if r := n.GetRowExpr(); r != nil && r.RowFormat == pg.CoercionForm_COERCE_IMPLICIT_CAST {
			if level == groupTop || level == groupInner {
				args, err := q.groupItems(r.Args, targets, sc, level)
				if err != nil {
					return nil, err
				}
				out = append(out, args...)
				continue
			}
			args, err := q.groupItems(r.Args, targets, sc, groupInner)
			if err != nil {
				return nil, err
			}
			out = append(out, &pg.Node{Node: &pg.Node_GroupingSet{GroupingSet: &pg.GroupingSet{
				Kind: pg.GroupingSetKind_GROUPING_SET_SIMPLE, Content: args, Location: r.Location}}})
			continue
		}
		if gs := n.GetGroupingSet(); gs != nil {
			inner := groupInner
			if gs.Kind == pg.GroupingSetKind_GROUPING_SET_SETS {
				inner = groupSets
			}
			content, err := q.groupItems(gs.Content, targets, sc, inner)
			if err != nil {
				return nil, err
			}
			if gs.Kind == pg.GroupingSetKind_GROUPING_SET_SETS && level == groupSets ||
				gs.Kind == pg.GroupingSetKind_GROUPING_SET_SIMPLE && level == groupInner {
				out = append(out, content...)
				continue
			}
			gs.Content = content
			out = append(out, n)
			continue
		}
		n = sc.outputRef(n, targets, false)
		if err := q.expr(n, sc); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// outputRef replaces a position or an output-column name in ORDER BY,
// DISTINCT ON or GROUP BY with the select-list expression it stands for.
// PostgreSQL prints positions only for constant expressions. preferOutput
// says whether an output name wins over an input column of the same name
// (true for ORDER BY, false for GROUP BY).
func (sc *qscope) outputRef(n *pg.Node, targets []*pg.Node, preferOutput bool) *pg.Node {
	if i, ok := ConstInt(n); ok && n.GetAConst().GetIval() != nil {
		if i < 1 || int(i) > len(targets) {
			return n
		}
		val := targets[i-1].GetResTarget().Val
		if isConstant(val) {
			return n
		}
		return proto.Clone(val).(*pg.Node)
	}
	cr := n.GetColumnRef()
	if cr == nil || len(cr.Fields) != 1 || cr.Fields[0].GetString_() == nil {
		return n
	}
	name := cr.Fields[0].GetString_().Sval
	if !preferOutput && sc.resolve(name) != "" {
		return n
	}
	for _, t := range targets {
		if rt := t.GetResTarget(); rt.Name == name {
			return proto.Clone(rt.Val).(*pg.Node)
		}
	}
	return n
}

func isConstant(n *pg.Node) bool {
	for {
		if tc := n.GetTypeCast(); tc != nil {
			n = tc.Arg
			continue
		}
		return n.GetAConst() != nil
	}
}

func columnRefNode(parts ...string) *pg.Node {
	return &pg.Node{Node: &pg.Node_ColumnRef{ColumnRef: &pg.ColumnRef{Fields: StringNodes(parts...), Location: -1}}}
}

func intConst(i int) *pg.Node {
	return &pg.Node{Node: &pg.Node_AConst{AConst: &pg.A_Const{Val: &pg.A_Const_Ival{Ival: &pg.Integer{Ival: int32(i)}}, Location: -1}}}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// dml qualifies an INSERT, UPDATE or DELETE of a function body in place
// and records what it references: the target table, the columns it
// writes, and whatever its expressions and queries read. Other
// statements are left as they are.
// insertColumns writes out the target columns of an INSERT that lists
// none, as PostgreSQL prints it: the table's first columns, as many as
// the VALUES rows or the query give.
func insertColumns(s *pg.InsertStmt, target []colRef, known bool) {
	sel := s.SelectStmt.GetSelectStmt()
	if !known || sel == nil {
		return
	}
	n := len(sel.TargetList)
	if len(sel.ValuesLists) > 0 {
		n = len(sel.ValuesLists[0].GetList().GetItems())
	}
	for _, t := range sel.TargetList {
		if cr := t.GetResTarget().GetVal().GetColumnRef(); cr != nil && cr.Fields[len(cr.Fields)-1].GetAStar() != nil {
			return
		}
	}
	if sel.Larg != nil || n == 0 || n > len(target) {
		return
	}
	for _, c := range target[:n] {
		s.Cols = append(s.Cols, &pg.Node{Node: &pg.Node_ResTarget{ResTarget: &pg.ResTarget{Name: c.name, Location: -1}}})
	}
}

func (q *qualifier) dml(n *pg.Node) error {
	var rv *pg.RangeVar
	var with *pg.WithClause
	switch v := n.Node.(type) {
	case *pg.Node_InsertStmt:
		rv, with = v.InsertStmt.Relation, v.InsertStmt.WithClause
	case *pg.Node_UpdateStmt:
		rv, with = v.UpdateStmt.Relation, v.UpdateStmt.WithClause
	case *pg.Node_DeleteStmt:
		rv, with = v.DeleteStmt.Relation, v.DeleteStmt.WithClause
	default:
		return nil
	}
	sc := &qscope{q: q, ctes: map[string][]string{}}
	if with != nil {
		for _, c := range with.Ctes {
			if err := sc.addCTE(c.GetCommonTableExpr(), with.Recursive); err != nil {
				return err
			}
		}
	}
	target, err := sc.fromItem(&pg.Node{Node: &pg.Node_RangeVar{RangeVar: rv}})
	if err != nil {
		return err
	}
	sc.items = append(sc.items, target)
	write := func(col string) {
		for _, c := range target {
			if c.name == col && c.relCol != "" {
				q.column(c.rel, c.relCol)
				return
			}
		}
		if len(sc.leaves) > 0 && sc.leaves[0].rel.Name != "" {
			q.column(sc.leaves[0].rel, col)
		}
	}
	switch v := n.Node.(type) {
	case *pg.Node_InsertStmt:
		s := v.InsertStmt
		for _, c := range s.Cols {
			write(c.GetResTarget().Name)
		}
		if len(s.Cols) == 0 {
			for _, c := range target {
				write(c.name)
			}
			insertColumns(s, target, sc.leaves[0].known)
		}
		if sel := s.SelectStmt.GetSelectStmt(); sel != nil {
			if _, err := q.query(sel, nil); err != nil {
				return err
			}
		}
		return q.list(s.ReturningList, sc)
	case *pg.Node_UpdateStmt:
		s := v.UpdateStmt
		for _, f := range s.FromClause {
			cols, err := sc.fromItem(f)
			if err != nil {
				return err
			}
			sc.items = append(sc.items, cols)
		}
		for _, t := range s.TargetList {
			rt := t.GetResTarget()
			write(rt.Name)
			if err := q.expr(rt.Val, sc); err != nil {
				return err
			}
		}
		if err := q.expr(s.WhereClause, sc); err != nil {
			return err
		}
		return q.list(s.ReturningList, sc)
	case *pg.Node_DeleteStmt:
		s := v.DeleteStmt
		for _, f := range s.UsingClause {
			cols, err := sc.fromItem(f)
			if err != nil {
				return err
			}
			sc.items = append(sc.items, cols)
		}
		if err := q.expr(s.WhereClause, sc); err != nil {
			return err
		}
		return q.list(s.ReturningList, sc)
	}
	return nil
}
