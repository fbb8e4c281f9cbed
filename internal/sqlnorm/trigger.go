package sqlnorm

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// Trigger returns the model form of a CREATE TRIGGER statement whose table
// and function the caller has resolved: the statement with everything
// qualified (SQL) and its canonical form, which also drops OR REPLACE and
// normalizes the WHEN condition. It modifies s.
func (ns *Namespace) Trigger(s *pg.CreateTrigStmt, table, fn model.Name) (*model.Expr, error) {
	s.Replace = false
	s.Relation = &pg.RangeVar{Schemaname: table.Schema, Relname: table.Name, Inh: true, Relpersistence: "p", Location: -1}
	if fn.Schema == "pg_catalog" {
		s.Funcname = StringNodes(fn.Name)
	} else {
		s.Funcname = StringNodes(fn.Schema, fn.Name)
	}
	if rv := s.Constrrel; rv != nil {
		if rv.Schemaname == "" {
			schema, ok := ns.Resolve(KindRelation, rv.Relname)
			if !ok {
				return nil, &UnknownError{Kind: KindRelation, Name: rv.Relname, Location: rv.Location}
			}
			rv.Schemaname = schema
		}
		rv.Location = -1
	}
	q := newQualifier(ns)
	q.ref(model.RefFunction, fn.Schema, fn.Name)
	q.ref(model.RefRelation, table.Schema, table.Name)
	for _, c := range Strings(s.Columns) {
		q.column(model.Name{}, c) // UPDATE OF columns
	}
	if rv := s.Constrrel; rv != nil {
		q.ref(model.RefRelation, rv.Schemaname, rv.Relname)
	}
	if err := q.expr(s.WhenClause, nil); err != nil {
		return nil, err
	}
	sql, err := deparseStmt(&pg.Node{Node: &pg.Node_CreateTrigStmt{CreateTrigStmt: s}})
	if err != nil {
		return nil, err
	}
	c := &canonicalizer{ns: ns}
	s.WhenClause = c.expr(s.WhenClause, "")
	if c.err != nil {
		return nil, c.err
	}
	canon, err := deparseStmt(&pg.Node{Node: &pg.Node_CreateTrigStmt{CreateTrigStmt: s}})
	if err != nil {
		return nil, err
	}
	return &model.Expr{SQL: sql, Canon: canon, Refs: q.sortedRefs()}, nil
}

// ParseTrigger parses a CREATE TRIGGER statement, as pg_get_triggerdef
// prints it.
func ParseTrigger(sql string) (*pg.CreateTrigStmt, error) {
	res, err := Parse(sql)
	if err != nil {
		return nil, fmt.Errorf("parsing trigger: %w", err)
	}
	if len(res.Stmts) != 1 || res.Stmts[0].Stmt.GetCreateTrigStmt() == nil {
		return nil, fmt.Errorf("parsing trigger: not one CREATE TRIGGER")
	}
	return res.Stmts[0].Stmt.GetCreateTrigStmt(), nil
}

func deparseStmt(n *pg.Node) (string, error) {
	out, err := Deparse(&pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: n}}})
	if err != nil {
		return "", fmt.Errorf("deparsing: %w", err)
	}
	return out, nil
}
