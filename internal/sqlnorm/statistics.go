package sqlnorm

import (
	"slices"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// statisticsKinds are the kinds of extended statistics in the order
// pg_get_statisticsobjdef lists them; when all are built, it lists none.
var statisticsKinds = []string{"ndistinct", "dependencies", "mcv"}

// statistics builds CREATE STATISTICS in the shape
// pg_get_statisticsobjdef prints: the kinds (none when all are built),
// the columns in the table's order, then the expressions, and the table.
func (d *definer) statistics(s *pg.CreateStatsStmt) (*model.Definition, error) {
	name, err := d.createName(Strings(s.Defnames))
	if err != nil {
		return nil, err
	}
	if len(s.Relations) != 1 || s.Relations[0].GetRangeVar() == nil {
		return nil, defError("CREATE STATISTICS on other than one table")
	}
	rv := s.Relations[0].GetRangeVar()
	table, err := d.relation(rv)
	if err != nil {
		return nil, err
	}
	cols, _ := d.ns.columnsOf(table)
	var colNames []string
	var exprs, exprCanons []string
	for _, n := range s.Exprs {
		el := n.GetStatsElem()
		if el.Name != "" {
			if !slices.Contains(cols, el.Name) {
				return nil, &UnknownError{Kind: KindRelation, Name: table.String() + "." + el.Name, Location: -1}
			}
			colNames = append(colNames, el.Name)
			d.q.column(table, el.Name)
			continue
		}
		e, err := d.ownExpr(el.Expr, table)
		if err != nil {
			return nil, err
		}
		exprs, exprCanons = append(exprs, "("+e.SQL+")"), append(exprCanons, "("+e.Canon+")")
	}
	slices.SortFunc(colNames, func(a, b string) int { return slices.Index(cols, a) - slices.Index(cols, b) })
	var items []string
	for _, c := range colNames {
		items = append(items, pgsql.QuoteIdent(c))
	}
	canons := append(slices.Clone(items), exprCanons...)
	items = append(items, exprs...)
	var kinds []string
	for _, k := range statisticsKinds {
		if slices.ContainsFunc(Strings(s.StatTypes), func(x string) bool { return strings.EqualFold(x, k) }) {
			kinds = append(kinds, k)
		}
	}
	for _, k := range Strings(s.StatTypes) {
		if !slices.Contains(statisticsKinds, strings.ToLower(k)) {
			return nil, defError("the statistics kind %s", k)
		}
	}
	head := "CREATE STATISTICS " + pgsql.QualifiedName(name.Schema, name.Name)
	if len(kinds) > 0 && len(kinds) < len(statisticsKinds) && len(items) > 1 {
		head += " (" + strings.Join(kinds, ", ") + ")"
	}
	from := " FROM " + pgsql.QualifiedName(table.Schema, table.Name)
	e := d.expr(head + " ON " + strings.Join(items, ", ") + from)
	e.Canon = head + " ON " + strings.Join(canons, ", ") + from
	return &model.Definition{ID: model.ObjectID{Kind: model.KindStatistics, Name: name}, Create: e, Table: &table}, nil
}

// statisticsTarget is a statistics object's target as a setting; -1, the
// default, is none.
func statisticsTarget(def *model.Definition, target int64) {
	removeSetting(def, "STATISTICS")
	if target >= 0 {
		v := strconv.FormatInt(target, 10)
		setSetting(def, model.Setting{Name: "STATISTICS", Value: model.Expr{SQL: "SET STATISTICS " + v, Canon: v},
			Reset: "SET STATISTICS -1"})
	}
}

// relation resolves a table a definition names and records it.
func (d *definer) relation(rv *pg.RangeVar) (model.Name, error) {
	n := model.Name{Schema: rv.Schemaname, Name: rv.Relname}
	if n.Schema == "" {
		s, ok := d.ns.Resolve(KindRelation, n.Name)
		if !ok {
			return n, &UnknownError{Kind: KindRelation, Name: n.Name, Location: rv.Location}
		}
		n.Schema = s
	}
	d.q.ref(model.RefRelation, n.Schema, n.Name)
	return n, nil
}

// columnsOf returns the columns of a relation the namespace knows.
func (ns *Namespace) columnsOf(n model.Name) ([]string, bool) {
	if ns.Columns == nil {
		return nil, false
	}
	return ns.Columns(n)
}

// ownExpr canonicalizes an expression over the columns of one table
// (statistics expressions, publication row filters) and records its
// references as references to that table's columns.
func (d *definer) ownExpr(n *pg.Node, table model.Name) (*model.Expr, error) {
	e, err := d.ns.Expr(n, "")
	if err != nil {
		return nil, err
	}
	for _, r := range e.Refs {
		if r.Kind == model.RefColumn && r.Name.Name == "" {
			r.Name = table
		}
		d.q.refs[r] = true
	}
	return e, nil
}
