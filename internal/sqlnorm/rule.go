package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// rule builds CREATE RULE for INSERT, UPDATE and DELETE events, with the
// actions PostgreSQL allows (INSERT, UPDATE, DELETE, SELECT, NOTIFY, or
// NOTHING) in the shape pg_get_ruledef prints them: an INSERT names its
// columns, the columns of an UPDATE's or DELETE's target are prefixed
// with its name. ON SELECT rules are views, and refused.
func (d *definer) rule(s *pg.RuleStmt) (*model.Definition, error) {
	table, err := d.relation(s.Relation)
	if err != nil {
		return nil, err
	}
	var event string
	switch s.Event {
	case pg.CmdType_CMD_INSERT:
		event = "INSERT"
	case pg.CmdType_CMD_UPDATE:
		event = "UPDATE"
	case pg.CmdType_CMD_DELETE:
		event = "DELETE"
	default:
		return nil, defError("CREATE RULE ... ON SELECT (write a view)")
	}
	head := "CREATE RULE " + pgsql.QuoteIdent(s.Rulename) + " AS ON " + event + " TO " + pgsql.QualifiedName(table.Schema, table.Name)
	sql, canon := head, head
	if s.WhereClause != nil {
		e, err := d.ns.Expr(s.WhereClause, "boolean")
		if err != nil {
			return nil, err
		}
		d.addRefs(e.Refs)
		sql += " WHERE (" + e.SQL + ")"
		canon += " WHERE (" + e.Canon + ")"
	}
	sql += " DO"
	canon += " DO"
	if s.Instead {
		sql += " INSTEAD"
		canon += " INSTEAD"
	}
	var acts, actCanons []string
	for _, a := range s.Actions {
		as, ac, err := d.ruleAction(a)
		if err != nil {
			return nil, err
		}
		acts, actCanons = append(acts, as), append(actCanons, ac)
	}
	switch len(acts) {
	case 0:
		sql += " NOTHING"
		canon += " NOTHING"
	case 1:
		sql += " " + acts[0]
		canon += " " + actCanons[0]
	default:
		sql += " (" + strings.Join(acts, "; ") + ")"
		canon += " (" + strings.Join(actCanons, "; ") + ")"
	}
	e := d.expr(sql)
	e.Canon = canon
	return &model.Definition{ID: model.ObjectID{Kind: model.KindRule, Name: table, Member: s.Rulename}, Create: e, Table: &table}, nil
}

func (d *definer) addRefs(refs []model.Ref) {
	for _, r := range refs {
		d.q.refs[r] = true
	}
}

// ruleExpr canonicalizes an expression of a rule action whose bare column
// references name the target's columns (PostgreSQL prints them prefixed
// with the target's name or alias).
func (d *definer) ruleExpr(n *pg.Node, target string, typ string) (*model.Expr, error) {
	if target != "" {
		prefixColumns(n, target)
	}
	e, err := d.ns.Expr(n, typ)
	if err != nil {
		return nil, err
	}
	d.addRefs(e.Refs)
	return e, nil
}

// prefixColumns qualifies the bare column references of an expression
// (outside subqueries) with a range item's name.
func prefixColumns(n *pg.Node, item string) {
	walk(n, func(x *pg.Node) bool {
		if cr := x.GetColumnRef(); cr != nil && len(cr.Fields) == 1 && cr.Fields[0].GetString_() != nil {
			cr.Fields = append(StringNodes(item), cr.Fields...)
		}
		return x.GetSubLink() == nil
	})
}

// ruleAction renders one action of a rule, as SQL and canonical text.
func (d *definer) ruleAction(n *pg.Node) (string, string, error) {
	switch v := n.Node.(type) {
	case *pg.Node_NotifyStmt:
		s := "NOTIFY " + pgsql.QuoteIdent(v.NotifyStmt.Conditionname)
		if v.NotifyStmt.Payload != "" {
			s += ", " + pgsql.QuoteLiteral(v.NotifyStmt.Payload)
		}
		return s, s, nil
	case *pg.Node_SelectStmt:
		q, err := d.ns.Query(v.SelectStmt, nil)
		if err != nil {
			return "", "", err
		}
		d.addRefs(q.Expr.Refs)
		return q.Expr.SQL, q.Expr.Canon, nil
	case *pg.Node_InsertStmt:
		s := v.InsertStmt
		if len(s.ReturningList) > 0 || s.OnConflictClause != nil || s.WithClause != nil {
			return "", "", defError("INSERT ... RETURNING, ON CONFLICT or WITH in a rule")
		}
		target, err := d.relation(s.Relation)
		if err != nil {
			return "", "", err
		}
		var cols []string
		for _, c := range s.Cols {
			cols = append(cols, c.GetResTarget().Name)
		}
		sel := s.SelectStmt.GetSelectStmt()
		if sel == nil {
			return "", "", defError("INSERT ... DEFAULT VALUES in a rule")
		}
		width := len(sel.TargetList)
		if len(sel.ValuesLists) > 0 {
			width = len(sel.ValuesLists[0].GetList().GetItems())
		}
		if len(cols) == 0 {
			all, _ := d.ns.columnsOf(target)
			if width > len(all) {
				return "", "", defError("INSERT into %s with more values than columns", target)
			}
			cols = all[:width]
		}
		for _, c := range cols {
			d.q.column(target, c)
		}
		head := "INSERT INTO " + pgsql.QualifiedName(target.Schema, target.Name) + " (" + pgsql.QuoteIdents(cols) + ") "
		if len(sel.ValuesLists) == 0 {
			q, err := d.ns.Query(sel, nil)
			if err != nil {
				return "", "", err
			}
			d.addRefs(q.Expr.Refs)
			return head + q.Expr.SQL, head + q.Expr.Canon, nil
		}
		var rows, canons []string
		for _, l := range sel.ValuesLists {
			var vs, cs []string
			for _, x := range l.GetList().GetItems() {
				e, err := d.ruleExpr(x, "", "")
				if err != nil {
					return "", "", err
				}
				vs, cs = append(vs, e.SQL), append(cs, e.Canon)
			}
			rows, canons = append(rows, "("+strings.Join(vs, ", ")+")"), append(canons, "("+strings.Join(cs, ", ")+")")
		}
		return head + "VALUES " + strings.Join(rows, ", "), head + "VALUES " + strings.Join(canons, ", "), nil
	case *pg.Node_UpdateStmt:
		s := v.UpdateStmt
		if len(s.ReturningList) > 0 || len(s.FromClause) > 0 || s.WithClause != nil {
			return "", "", defError("UPDATE ... FROM, RETURNING or WITH in a rule")
		}
		target, item, err := d.ruleTarget(s.Relation)
		if err != nil {
			return "", "", err
		}
		var sets, setCanons []string
		for _, t := range s.TargetList {
			rt := t.GetResTarget()
			if len(rt.Indirection) > 0 {
				return "", "", defError("UPDATE SET of a subfield in a rule")
			}
			d.q.column(target, rt.Name)
			e, err := d.ruleExpr(rt.Val, item, "")
			if err != nil {
				return "", "", err
			}
			sets = append(sets, pgsql.QuoteIdent(rt.Name)+" = "+e.SQL)
			setCanons = append(setCanons, pgsql.QuoteIdent(rt.Name)+" = "+e.Canon)
		}
		head := "UPDATE " + d.targetSQL(target, s.Relation)
		sql, canon := head+" SET "+strings.Join(sets, ", "), head+" SET "+strings.Join(setCanons, ", ")
		return d.ruleWhere(sql, canon, s.WhereClause, item)
	case *pg.Node_DeleteStmt:
		s := v.DeleteStmt
		if len(s.ReturningList) > 0 || len(s.UsingClause) > 0 || s.WithClause != nil {
			return "", "", defError("DELETE ... USING, RETURNING or WITH in a rule")
		}
		target, item, err := d.ruleTarget(s.Relation)
		if err != nil {
			return "", "", err
		}
		head := "DELETE FROM " + d.targetSQL(target, s.Relation)
		return d.ruleWhere(head, head, s.WhereClause, item)
	}
	return "", "", defError("this rule action")
}

// ruleTarget resolves the target of an UPDATE or DELETE action and the
// name its columns are prefixed with.
func (d *definer) ruleTarget(rv *pg.RangeVar) (model.Name, string, error) {
	target, err := d.relation(rv)
	if err != nil {
		return target, "", err
	}
	item := target.Name
	if rv.Alias != nil {
		item = rv.Alias.Aliasname
	}
	return target, item, nil
}

func (d *definer) targetSQL(target model.Name, rv *pg.RangeVar) string {
	s := pgsql.QualifiedName(target.Schema, target.Name)
	if rv.Alias != nil {
		s += " " + pgsql.QuoteIdent(rv.Alias.Aliasname)
	}
	return s
}

func (d *definer) ruleWhere(sql, canon string, where *pg.Node, item string) (string, string, error) {
	if where == nil {
		return sql, canon, nil
	}
	e, err := d.ruleExpr(where, item, "boolean")
	if err != nil {
		return "", "", err
	}
	return sql + " WHERE (" + e.SQL + ")", canon + " WHERE (" + e.Canon + ")", nil
}
